namespace Autotask.Billing.Crm;

/// <summary>How Sync-AtQuote pushes quotes and sales orders.</summary>
public sealed class SalesDocumentSyncOptions
{
    /// <summary>
    /// The sales reps of the source system and the Autotask resource (user name or e-mail) each one is, one to one, for
    /// this run; they win over <see cref="Mapping.BillingSettings.SalesReps"/>. A rep in neither must be an Autotask
    /// resource's user name or e-mail itself.
    /// </summary>
    public IReadOnlyDictionary<string, string> SalesReps { get; init; } = new Dictionary<string, string>();

    /// <summary>The stage of a new opportunity, by label; default the first active stage.</summary>
    public string? OpportunityStage { get; init; }

    /// <summary>A quote without an expiration date expires this many days after its date.</summary>
    public int QuoteValidDays { get; init; } = 30;

    /// <summary>The date a document without one is dated (UTC midnight).</summary>
    public DateTime Today { get; init; } = DateTime.UtcNow.Date;
}
