using Autotask.Billing.Autotask;

namespace Autotask.Billing.Infrastructure;

/// <summary>
/// The connection that Connect-AtBilling made, shared by every cmdlet of the process (one Autotask database at a
/// time, as admins work), and the relay that turns the client's request log into the running cmdlet's debug stream.
/// </summary>
internal static class AtBillingSession
{
    private static readonly object Gate = new();
    private static ActiveConnection? _current;

    public static RequestLogRelay RequestLog { get; } = new();

    /// <summary>The billing files read in this process and the lines they rejected, so Compare-AtContract can refuse them.</summary>
    public static RejectedLinePolicy RejectedLines { get; } = new();

    public static ActiveConnection? Current
    {
        get
        {
            lock (Gate)
            {
                return _current;
            }
        }
    }

    public static void Replace(ActiveConnection connection)
    {
        ActiveConnection? previous;
        lock (Gate)
        {
            previous = _current;
            _current = connection;
        }

        previous?.Dispose();
    }

    /// <summary>Drops the connection; true when there was one.</summary>
    public static bool Disconnect()
    {
        ActiveConnection? previous;
        lock (Gate)
        {
            previous = _current;
            _current = null;
        }

        previous?.Dispose();
        return previous is not null;
    }

    public static AutotaskClientOptions ClientOptions(Uri? zoneUri) => new()
    {
        ZoneUri = zoneUri,
        RequestLog = RequestLog,
    };
}
