using Autotask.Billing.Sandbox.Engine;
using Autotask.Billing.Sandbox.Protocol;

namespace Autotask.Billing.Sandbox;

// An in-memory Autotask PSA database that speaks the REST v1.0 wire protocol, for tests and demos.
public sealed class AutotaskSandbox : IDisposable
{
    private readonly object _sync = new();
    private readonly RequestPipeline _pipeline;

    private AutotaskSandbox(SandboxOptions? options, Func<SandboxOptions, SandboxTenant> createTenant)
    {
        Options = (options ?? new SandboxOptions()).Clone();
        Tenant = createTenant(Options);
        Statistics = new SandboxStatistics(Options.RequestLogCapacity);
        Data = new SandboxData(this);
        _pipeline = new RequestPipeline(this);
    }

    public SandboxApiUser ApiUser => Tenant.ApiUser;

    public long DatabaseId => Tenant.DatabaseId;

    public SandboxFaults Faults { get; } = new();

    public SandboxStatistics Statistics { get; }

    public SandboxData Data { get; }

    // The sandbox's current date; moving it forward extends recurring-service unit rows into new periods.
    public DateTime Today
    {
        get => Options.Today;
        set => Options.Today = DateTime.SpecifyKind(value.Date, DateTimeKind.Utc);
    }

    internal SandboxOptions Options { get; }

    internal SandboxTenant Tenant { get; }

    // What a brand-new Autotask database holds: the zero company, the API user's resource, one staff resource,
    // standard billing codes and picklists.
    public static AutotaskSandbox CreateEmpty(SandboxOptions? options = null) =>
        new(options, TenantSeeder.CreateEmpty);

    // CreateEmpty plus a vendor, a service catalog and customers on Recurring Service contracts that match
    // DemoTenant.DemoExportCsv apart from the documented differences.
    public static AutotaskSandbox CreateDemo(SandboxOptions? options = null) =>
        new(options, DemoTenant.Create);

    public static AutotaskSandbox Load(string path, SandboxOptions? options = null) =>
        new(options, o => SandboxPersistence.Load(path, o));

    public HttpMessageHandler CreateHandler() => new SandboxHttpHandler(this);

    // Writes the whole state as JSON to a temporary file, then renames it over the target.
    public void Save(string path)
    {
        lock (_sync)
        {
            SandboxPersistence.Save(Tenant, path);
        }
    }

    public void Dispose()
    {
    }

    internal Task<SandboxResponse> HandleAsync(SandboxRequest request, CancellationToken cancellationToken) =>
        _pipeline.HandleAsync(request, cancellationToken);

    internal T Locked<T>(Func<SandboxTenant, T> action)
    {
        lock (_sync)
        {
            return action(Tenant);
        }
    }

    internal void AutoSave()
    {
        if (Options.PersistPath != null)
        {
            Save(Options.PersistPath);
        }
    }
}
