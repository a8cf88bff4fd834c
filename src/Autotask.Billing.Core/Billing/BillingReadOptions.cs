namespace Autotask.Billing;

/// <summary>How to read billing sources: format, window and filters (BILLING-RULES §2).</summary>
public sealed class BillingReadOptions
{
    /// <summary>The format of every file; <see cref="BillingSourceFormat.Detect"/> (default) decides per file.</summary>
    public BillingSourceFormat Format { get; init; } = BillingSourceFormat.Detect;

    /// <summary>The column-map profile used when <see cref="Format"/> is Profile; also tried when detecting.</summary>
    public BillingProfile? Profile { get; init; }

    /// <summary>
    /// The culture whose day/month order slash dates (08/10/2026) are read in; wins over the profile's 'culture'
    /// and the format's documented one. Null: a date that could be read either way is rejected (AmbiguousDate).
    /// </summary>
    public System.Globalization.CultureInfo? Culture { get; init; }

    /// <summary>The service-date window; null means the 30 days before <see cref="Today"/>.</summary>
    public BillingWindow? Window { get; init; }

    /// <summary>Today's date for the default window; null means the current UTC date. Tests inject it.</summary>
    public DateTime? Today { get; init; }

    /// <summary>Keep only these source categories (e.g. MR, AL); case-insensitive. Null or empty: all.</summary>
    public IReadOnlyCollection<string>? Categories { get; init; }

    public IReadOnlyCollection<ChargeType>? ChargeTypes { get; init; }

    public IReadOnlyCollection<string>? CustomerIds { get; init; }

    public IReadOnlyCollection<string>? Skus { get; init; }

    /// <summary>SKUs never read (e.g. free add-ons the MSP does not resell); counted under ExcludedSku.</summary>
    public IReadOnlyCollection<string>? ExcludedSkus { get; init; }

    /// <summary>Drop lines whose amount (or unit price and cost) is zero; counted under ZeroAmount.</summary>
    public bool DropZeroAmount { get; init; }

    /// <summary>Currency for generic lines that give none. Default USD.</summary>
    public string DefaultCurrency { get; init; } = "USD";

    /// <summary>Source name for generic lines without a Source column. Default "Generic".</summary>
    public string GenericSourceName { get; init; } = "Generic";

    internal BillingWindow EffectiveWindow =>
        Window ?? BillingWindow.DaysBefore(Today ?? DateTime.UtcNow);
}
