using Autotask.Billing.Autotask;

namespace Autotask.Billing.Infrastructure;

/// <summary>
/// The connection that Connect-AtBilling made in this runspace (one Autotask database at a time, as admins work),
/// and the relay that turns its client's request log into the running cmdlet's debug stream.
/// </summary>
internal static class AtBillingSession
{
    public static RequestLogRelay RequestLog => RunspaceState.Current.RequestLog;

    public static ActiveConnection? Current => RunspaceState.Current.Connection;

    public static void Replace(ActiveConnection connection) => RunspaceState.Current.ExchangeConnection(connection)?.Dispose();

    /// <summary>The billing files read in this runspace and the lines they rejected, so Compare-AtContract can refuse them.</summary>
    public static RejectedLinePolicy RejectedLines => RunspaceState.Current.RejectedLines;

    /// <summary>Drops the connection; true when there was one.</summary>
    public static bool Disconnect()
    {
        var previous = RunspaceState.Current.ExchangeConnection(null);
        previous?.Dispose();
        return previous is not null;
    }

    public static AutotaskClientOptions ClientOptions(Uri? zoneUri) => new()
    {
        ZoneUri = zoneUri,
        RequestLog = RequestLog,
    };
}
