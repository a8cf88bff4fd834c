using Autotask.Billing.Mapping;

namespace Autotask.Billing.Reconciliation;

/// <summary>
/// How one comparison runs. Policies left empty come from the mapping store's settings; an effective-date policy
/// set on a customer mapping wins over the run's (BILLING-RULES §7: per run, overridable per mapping).
/// </summary>
public sealed record CompareOptions
{
    /// <summary>
    /// The date whose quantities are compared. Empty: the end of <see cref="Window"/>; without one, the as-of date of
    /// summarised input, else the last day of the calendar month of the latest service start among the lines.
    /// </summary>
    public DateTime? AsOf { get; init; }

    /// <summary>The window the lines were read for; its last day is the default as-of date.</summary>
    public BillingWindow? Window { get; init; }

    /// <summary>Also emit a Match difference for every customer × SKU that is in step.</summary>
    public bool IncludeMatch { get; init; }

    /// <summary>The run's effective-date policy; a customer mapping's own policy still wins.</summary>
    public EffectiveDatePolicy? EffectiveDatePolicy { get; init; }

    public RemovalPolicy? RemovalPolicy { get; init; }

    /// <summary>
    /// What becomes of the mapped services of a mapped customer that has no line at all in this bill (BILLING-RULES
    /// §3): ReportOnly (the default: a filtered or partial file must never zero a customer) or AdjustToZero (actionable,
    /// and sync still needs -Force for every drop to zero).
    /// </summary>
    public RemovalPolicy AbsentCustomerPolicy { get; init; } = Mapping.RemovalPolicy.ReportOnly;

    /// <summary>A quantity change above this percentage (and at least <see cref="QuantityChangeMinimumUnits"/>) needs -Force.</summary>
    public decimal? QuantityChangeThresholdPercent { get; init; }

    public decimal? QuantityChangeMinimumUnits { get; init; }

    /// <summary>
    /// The currency the Autotask contracts bill in (the tenant's currency; Autotask has one per database); empty: the
    /// store's <see cref="BillingSettings.Currency"/>. A line in another currency is reported as CurrencyMismatch and
    /// never converted.
    /// </summary>
    public string? Currency { get; init; }

    /// <summary>
    /// Carry usage lines (Azure plans) whose SKU is mapped to a service as that service with quantity 1 and the
    /// period's total as its price (PRISM's "Sync Azure Subscriptions"), instead of one contract charge per line;
    /// empty: the store's <see cref="BillingSettings.UsageAsService"/>.
    /// </summary>
    public bool? UsageAsService { get; init; }

    /// <summary>
    /// Vendor customer ids held back from the run (named by a rejected line of a partial file the caller accepted): a
    /// difference naming one of them is neither yielded nor counted, so the summary totals only what the run writes out.
    /// </summary>
    public IReadOnlyCollection<string> HeldBackCustomers { get; init; } = Array.Empty<string>();

    /// <summary>The as-of date these options give (<see cref="AsOf"/>, else the window's last day), known before any line is.</summary>
    internal DateTime? KnownAsOf => AsOf is DateTime asOf ? BillingWindow.AsDate(asOf) : Window?.Until;

    /// <summary>These options with what they leave open taken from the store's settings, decided once per run.</summary>
    /// <exception cref="ArgumentException">Neither these options nor the store's settings name a currency.</exception>
    internal CompareOptions SettledBy(MappingDocument mapping)
    {
        var currency = (Currency ?? mapping.Settings.Currency)?.Trim().ToUpperInvariant();
        if (string.IsNullOrWhiteSpace(currency))
        {
            throw new ArgumentException("A currency code is required.", "options");
        }

        return this with { Currency = currency, UsageAsService = UsageAsService ?? mapping.Settings.UsageAsService };
    }
}
