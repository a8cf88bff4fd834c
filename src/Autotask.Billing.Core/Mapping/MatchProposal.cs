namespace Autotask.Billing.Mapping;

/// <summary>
/// The company proposed for an unmapped vendor customer, how sure the proposal is and why; with the runners-up, so an
/// admin can pick another. Binds by property name (Source, CustomerId, CompanyId) into a customer mapping.
/// </summary>
public sealed class MatchProposal
{
    internal MatchProposal(
        VendorCustomer customer,
        MatchCandidate? best,
        double confidence,
        bool isAccepted,
        bool isAmbiguous,
        string reason,
        IReadOnlyList<MatchCandidate> runnersUp)
    {
        Source = customer.Source;
        CustomerId = customer.CustomerId;
        CustomerName = customer.CustomerName;
        CompanyId = best?.CompanyId;
        CompanyName = best?.CompanyName;
        Confidence = confidence;
        Rule = best?.Rule ?? CompanyMatchRule.None;
        IsAccepted = isAccepted;
        IsAmbiguous = isAmbiguous;
        Reason = reason;
        RunnersUp = runnersUp;
    }

    private MatchProposal(MatchProposal other, Func<string?, string?> text)
    {
        Source = text(other.Source)!;
        CustomerId = text(other.CustomerId)!;
        CustomerName = text(other.CustomerName)!;
        CompanyId = other.CompanyId;
        CompanyName = text(other.CompanyName);
        Confidence = other.Confidence;
        Rule = other.Rule;
        IsAccepted = other.IsAccepted;
        IsAmbiguous = other.IsAmbiguous;
        Reason = text(other.Reason)!;
        RunnersUp = other.RunnersUp;
    }

    public string Source { get; }

    public string CustomerId { get; }

    public string CustomerName { get; }

    /// <summary>The proposed company; null when none was found.</summary>
    public long? CompanyId { get; }

    public string? CompanyName { get; }

    /// <summary>0 to 1: 1.0 exact name, 0.95 normalised name, 0.9 domain or tenant, below that similar names.</summary>
    public double Confidence { get; }

    public CompanyMatchRule Rule { get; }

    /// <summary>Whether the confidence reaches the matcher's minimum, so the proposal may be applied without review.</summary>
    public bool IsAccepted { get; }

    /// <summary>More than one company matched equally well; the confidence was lowered and the reason names them.</summary>
    public bool IsAmbiguous { get; }

    /// <summary>The proposal in words.</summary>
    public string Reason { get; }

    /// <summary>The next best companies, best first.</summary>
    public IReadOnlyList<MatchCandidate> RunnersUp { get; }

    /// <summary>A copy with every text property passed through <paramref name="text"/> (see <see cref="MappingSpreadsheetText"/>).</summary>
    internal MatchProposal WithText(Func<string?, string?> text) => new(this, text);
}
