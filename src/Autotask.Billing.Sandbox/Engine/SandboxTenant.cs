using Autotask.Billing.Sandbox.Store;

namespace Autotask.Billing.Sandbox.Engine;

// One simulated Autotask database: its data, identity and the engines that act on it. Not thread-safe;
// AutotaskSandbox serialises access.
internal sealed class SandboxTenant
{
    private readonly Func<DateTime> _today;

    public SandboxTenant(long databaseId, SandboxApiUser apiUser, Func<DateTime> today)
    {
        DatabaseId = databaseId;
        ApiUser = apiUser;
        _today = today;
        Store = new TenantStore();
        Recurring = new RecurringServiceEngine(this);
        Writer = new EntityWriter(this);
    }

    public long DatabaseId { get; }

    public SandboxApiUser ApiUser { get; }

    public TenantStore Store { get; }

    public RecurringServiceEngine Recurring { get; }

    public EntityWriter Writer { get; }

    public DateTime Today => DateTime.SpecifyKind(_today().Date, DateTimeKind.Utc);

    // Timestamps for server-set fields: the sandbox's date with the current time of day.
    public DateTime Now => Today + DateTime.UtcNow.TimeOfDay;
}
