using Autotask.Billing.Sandbox;

namespace Autotask.Billing.Tests.Sync;

/// <summary>
/// Every combination of the sandbox's behaviour variants (what Autotask's documentation leaves uncertain), by a name
/// such as "Absent/Ignored/Touching": adjustedPrice on ContractServices, adjustment prices, unit row boundaries.
/// </summary>
internal static class SandboxVariants
{
    public const string Default = "Present/Honoured/Disjoint";

    public static IReadOnlyList<string> Names { get; } =
        (from adjustedPrice in Enum.GetValues<AdjustedPriceBehavior>()
         from adjustmentPrices in Enum.GetValues<AdjustmentPriceBehavior>()
         from boundaries in Enum.GetValues<UnitRowBoundaries>()
         select $"{adjustedPrice}/{adjustmentPrices}/{boundaries}").ToList();

    /// <summary>Every variant: the sync suite must pass in each.</summary>
    public static TheoryData<string> All => Where(static _ => true);

    /// <summary>The variants whose unit rows never share a date.</summary>
    public static TheoryData<string> Disjoint => Where(static name => name.EndsWith("/Disjoint", StringComparison.Ordinal));

    /// <summary>The variants whose unit rows share boundary dates (the sync suite runs in each too).</summary>
    public static TheoryData<string> Touching => Where(static name => name.EndsWith("/Touching", StringComparison.Ordinal));

    private static TheoryData<string> Where(Func<string, bool> predicate)
    {
        var data = new TheoryData<string>();
        foreach (var name in Names.Where(predicate))
        {
            data.Add(name);
        }

        return data;
    }

    public static SandboxOptions Options(string variant, DateTime today)
    {
        var parts = variant.Split('/');
        return new SandboxOptions
        {
            Today = today,
            AdjustedPrice = Enum.Parse<AdjustedPriceBehavior>(parts[0]),
            AdjustmentPrices = Enum.Parse<AdjustmentPriceBehavior>(parts[1]),
            UnitRowBoundaries = Enum.Parse<UnitRowBoundaries>(parts[2]),
        };
    }

    /// <summary>Whether Autotask, in this variant, can be made to bill a new cost (only an adjustment can set one).</summary>
    public static bool TakesCosts(string variant) => Options(variant, DateTime.UtcNow).AdjustmentPrices == AdjustmentPriceBehavior.Honoured;
}
