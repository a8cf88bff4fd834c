namespace Autotask.Billing;

/// <summary>When <see cref="When"/> holds, the record is not a billing line and is counted under <see cref="Rule"/>.</summary>
public sealed class BillingProfileSkipRule
{
    public BillingProfileCondition When { get; init; } = new();

    public string Rule { get; init; } = string.Empty;
}
