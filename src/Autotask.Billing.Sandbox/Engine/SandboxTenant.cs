using Autotask.Billing.Sandbox.Model;
using Autotask.Billing.Sandbox.Store;

namespace Autotask.Billing.Sandbox.Engine;

// One simulated Autotask database: its data, identity and the engines that act on it. Not thread-safe;
// AutotaskSandbox serialises access.
internal sealed class SandboxTenant
{
    private readonly SandboxOptions _options;

    public SandboxTenant(long databaseId, SandboxApiUser apiUser, SandboxOptions options)
    {
        DatabaseId = databaseId;
        ApiUser = apiUser;
        _options = options;
        Store = new TenantStore();
        if (options.AdjustedPrice == AdjustedPriceBehavior.Absent)
        {
            Store.Hide(EntitySchemas.Field(EntitySchemas.ContractServices, "adjustedPrice"));
            Store.Hide(EntitySchemas.Field(EntitySchemas.ContractServices, "internalCurrencyAdjustedPrice"));
        }

        Recurring = new RecurringServiceEngine(this);
        Writer = new EntityWriter(this);
    }

    public long DatabaseId { get; }

    public SandboxApiUser ApiUser { get; }

    public TenantStore Store { get; }

    public RecurringServiceEngine Recurring { get; }

    public EntityWriter Writer { get; }

    public DateTime Today => DateTime.SpecifyKind(_options.Today.Date, DateTimeKind.Utc);

    public bool IgnoresAdjustmentPrices => _options.AdjustmentPrices == AdjustmentPriceBehavior.Ignored;

    public bool UnitRowsTouch => _options.UnitRowBoundaries == UnitRowBoundaries.Touching;

    // Timestamps for server-set fields: the sandbox's date with the current time of day.
    public DateTime Now => Today + DateTime.UtcNow.TimeOfDay;
}
