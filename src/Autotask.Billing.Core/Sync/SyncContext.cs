using Autotask.Billing.Autotask;
using Autotask.Billing.Mapping;

namespace Autotask.Billing.Sync;

/// <summary>What planning and executing a sync needs besides the differences.</summary>
public sealed class SyncContext
{
    public SyncContext(AutotaskClient client, BillingSettings settings, DateTime today)
    {
        Client = client ?? throw new ArgumentNullException(nameof(client));
        Settings = settings ?? throw new ArgumentNullException(nameof(settings));
        Today = DateTime.SpecifyKind(today.Date, DateTimeKind.Utc);
        VendorPhones = settings.VendorPhones;
    }

    public AutotaskClient Client { get; }

    public BillingSettings Settings { get; }

    /// <summary>The export date (UTC midnight): new contracts start a month before it and end ten years after it.</summary>
    public DateTime Today { get; }

    /// <summary>
    /// The phone number of each vendor company sync may have to create, by vendor company name; the settings'
    /// <see cref="BillingSettings.VendorPhones"/> unless a run gives its own. Autotask requires a phone for every
    /// company and sync never invents one, so a vendor missing here cannot be created.
    /// </summary>
    public IReadOnlyDictionary<string, string> VendorPhones { get; init; }
}
