namespace Autotask.Billing.Autotask;

/// <summary>
/// The scale at which Autotask stores prices, costs and quantities. Its ContractCharges page says the API rounds
/// unitQuantity, unitCost and unitPrice; the stored scale is four decimals (docs/autotask-api-notes.md). Targets are
/// rounded to it before they are compared or written, so a price Autotask rounds is never seen as drift.
/// </summary>
public static class AutotaskPrecision
{
    public const int Scale = 4;

    public static decimal Round(decimal value) => Math.Round(value, Scale, MidpointRounding.AwayFromZero);

    public static decimal? Round(decimal? value) => value is { } amount ? Round(amount) : null;
}
