using Autotask.Billing.Autotask;

namespace Autotask.Billing.Infrastructure;

/// <summary>
/// The connection of the runspace running on this thread, for the argument completers (cmdlets use their own
/// runspace's <see cref="RunspaceState"/>), and the client options every connection is made with.
/// </summary>
internal static class AtBillingSession
{
    public static ActiveConnection? Current => RunspaceState.Current.Connection;

    /// <summary>Options whose request log goes to <paramref name="requestLog"/> (the connecting runspace's relay).</summary>
    public static AutotaskClientOptions ClientOptions(Uri? zoneUri, RequestLogRelay requestLog) => new()
    {
        ZoneUri = zoneUri,
        RequestLog = requestLog,
    };
}
