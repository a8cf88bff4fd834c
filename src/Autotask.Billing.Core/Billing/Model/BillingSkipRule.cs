namespace Autotask.Billing;

/// <summary>Names of the rules that drop a valid line; each drop is counted under its rule in the summary.</summary>
public static class BillingSkipRule
{
    public const string OutsideWindow = "OutsideWindow";
    public const string CategoryFilter = "CategoryFilter";
    public const string ChargeTypeFilter = "ChargeTypeFilter";
    public const string CustomerFilter = "CustomerFilter";
    public const string SkuFilter = "SkuFilter";
    public const string ZeroAmount = "ZeroAmount";
    public const string ExcludedSku = "ExcludedSku";
    public const string RepeatedHeader = "RepeatedHeader";
    public const string BlankRecord = "BlankRecord";

    /// <summary>The profile limits which source categories it reads (Intermedia: MR and AL).</summary>
    public const string CategoryNotInProfile = "CategoryNotInProfile";
}
