namespace Autotask.Billing.Mapping;

/// <summary>A company that was considered for a vendor customer but not proposed.</summary>
public sealed class MatchCandidate
{
    public MatchCandidate(long companyId, string companyName, double confidence, CompanyMatchRule rule, bool isActive)
    {
        CompanyId = companyId;
        CompanyName = companyName;
        Confidence = confidence;
        Rule = rule;
        IsActive = isActive;
    }

    public long CompanyId { get; }

    public string CompanyName { get; }

    public double Confidence { get; }

    public CompanyMatchRule Rule { get; }

    public bool IsActive { get; }

    public override string ToString() => $"{CompanyName} ({CompanyId}, {Rule} {Confidence:0.00})";
}
