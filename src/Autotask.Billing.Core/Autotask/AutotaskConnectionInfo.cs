using Autotask.Billing.Autotask;

namespace Autotask.Billing;

/// <summary>What Get-AtBillingConnection shows: where the module is connected, as whom, and how much API it has used.</summary>
public sealed class AutotaskConnectionInfo
{
    public AutotaskConnectionInfo(AutotaskClient client, bool isSandbox, DateTime connectedAtUtc, ThresholdInformation? threshold)
    {
        if (client is null)
        {
            throw new ArgumentNullException(nameof(client));
        }

        ZoneName = client.Zone.ZoneName;
        ZoneUri = client.Zone.Url;
        WebUri = client.Zone.WebUrl;
        DatabaseId = client.Zone.CI;
        UserName = client.UserName;
        IsSandbox = isSandbox;
        ConnectedAt = connectedAtUtc;
        RequestsThisConnection = client.Requests.Total;
        HourlyThreshold = threshold?.ExternalRequestThreshold ?? client.ThresholdUsage?.Threshold;
        RequestsThisHour = threshold?.CurrentTimeframeRequestCount ?? client.ThresholdUsage?.EstimatedUsed;
    }

    public string? ZoneName { get; }

    /// <summary>The REST root of the database's zone, e.g. https://webservices14.autotask.net/ATServicesRest/.</summary>
    public Uri ZoneUri { get; }

    public Uri? WebUri { get; }

    public long? DatabaseId { get; }

    public string UserName { get; }

    public bool IsSandbox { get; }

    /// <summary>When the connection was made (UTC).</summary>
    public DateTime ConnectedAt { get; }

    /// <summary>Requests this connection has sent, retries included.</summary>
    public long RequestsThisConnection { get; }

    /// <summary>Requests the whole database has made in the current 60-minute window (all integrations).</summary>
    public long? RequestsThisHour { get; }

    public long? HourlyThreshold { get; }

    public override string ToString() => $"{UserName} at {ZoneUri}";
}
