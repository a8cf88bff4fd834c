using Autotask.Billing.Autotask;
using Autotask.Billing.Mapping;

namespace Autotask.Billing.Sync;

/// <summary>What planning and executing a sync needs besides the differences.</summary>
public sealed class SyncContext
{
    private static readonly IReadOnlyDictionary<string, string> NoPhones = new Dictionary<string, string>();

    public SyncContext(AutotaskClient client, BillingSettings settings, DateTime today)
    {
        Client = client ?? throw new ArgumentNullException(nameof(client));
        Settings = settings ?? throw new ArgumentNullException(nameof(settings));
        Today = DateTime.SpecifyKind(today.Date, DateTimeKind.Utc);
    }

    public AutotaskClient Client { get; }

    public BillingSettings Settings { get; }

    /// <summary>The export date (UTC midnight): new contracts start a month before it and end ten years after it.</summary>
    public DateTime Today { get; }

    /// <summary>
    /// The phone number of each vendor company sync may have to create, by vendor company name. Autotask requires a
    /// phone for every company and sync never invents one, so a vendor missing here cannot be created.
    /// </summary>
    public IReadOnlyDictionary<string, string> VendorPhones { get; init; } = NoPhones;
}
