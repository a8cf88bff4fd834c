namespace Autotask.Billing.Autotask;

/// <summary>The zone that hosts an Autotask database, as returned by ZoneInformation?user=.</summary>
public sealed class ZoneInformation
{
    public string? ZoneName { get; init; }

    /// <summary>The REST root of the zone, e.g. https://webservices14.autotask.net/ATServicesRest/.</summary>
    public Uri Url { get; init; } = null!;

    public Uri? WebUrl { get; init; }

    /// <summary>The unique id of the customer database.</summary>
    public long? CI { get; init; }

    public override string ToString() => $"{ZoneName} {Url}";
}
