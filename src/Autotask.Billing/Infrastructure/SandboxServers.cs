using Autotask.Billing.Sandbox;

namespace Autotask.Billing.Infrastructure;

/// <summary>Sandboxes that Start-AtBillingSandbox serves on loopback ports, until Stop-AtBillingSandbox (or process exit).</summary>
internal static class SandboxServers
{
    private static readonly object Gate = new();
    private static readonly Dictionary<int, (AutotaskSandbox Sandbox, SandboxHost Host)> Running = new();

    public static void Add(int port, AutotaskSandbox sandbox, SandboxHost host)
    {
        lock (Gate)
        {
            Running[port] = (sandbox, host);
        }
    }

    public static IReadOnlyList<int> Ports()
    {
        lock (Gate)
        {
            return Running.Keys.OrderBy(port => port).ToList();
        }
    }

    /// <summary>Stops the sandbox on a port; false when none runs there.</summary>
    public static bool Stop(int port)
    {
        (AutotaskSandbox Sandbox, SandboxHost Host) entry;
        lock (Gate)
        {
            if (!Running.TryGetValue(port, out entry))
            {
                return false;
            }

            Running.Remove(port);
        }

        entry.Host.Dispose();
        entry.Sandbox.Dispose();
        return true;
    }
}
