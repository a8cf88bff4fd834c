using Autotask.Billing.Autotask;
using Autotask.Billing.Sandbox;

namespace Autotask.Billing.Infrastructure;

/// <summary>The session's connection: the client, and the embedded sandbox it talks to when there is one.</summary>
internal sealed class ActiveConnection : IDisposable
{
    public ActiveConnection(AutotaskClient client, AutotaskSandbox? embeddedSandbox, DateTime connectedAtUtc)
    {
        Client = client;
        EmbeddedSandbox = embeddedSandbox;
        ConnectedAtUtc = connectedAtUtc;
    }

    public AutotaskClient Client { get; }

    public AutotaskSandbox? EmbeddedSandbox { get; }

    public bool IsSandbox => EmbeddedSandbox is not null;

    public DateTime ConnectedAtUtc { get; }

    /// <summary>What names this database in state on disk and in caches: its id (ZoneInformation's ci), else the zone host.</summary>
    public string DatabaseKey => Client.Zone.CI?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? Client.Zone.Url.Host;

    /// <summary>
    /// The key that earlier versions used when connected with -Sandbox or -ZoneUri (the zone host, before the
    /// database id was read there); null when it is the same as <see cref="DatabaseKey"/>.
    /// </summary>
    public string? LegacyDatabaseKey => Client.Zone.CI is null ? null : Client.Zone.Url.Host;

    public AutotaskConnectionInfo Describe(ThresholdInformation? threshold) => new(Client, IsSandbox, ConnectedAtUtc, threshold);

    public void Dispose()
    {
        Client.Dispose();
        EmbeddedSandbox?.Dispose();
    }
}
