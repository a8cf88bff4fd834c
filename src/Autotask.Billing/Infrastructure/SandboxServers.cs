using Autotask.Billing.Sandbox;

namespace Autotask.Billing.Infrastructure;

/// <summary>
/// Sandboxes that Start-AtBillingSandbox serves on loopback ports, per runspace: until Stop-AtBillingSandbox, the
/// module's removal or the runspace's end — a thread job stopping its sandboxes leaves the main session's running.
/// </summary>
internal static class SandboxServers
{
    public static void Add(int port, AutotaskSandbox sandbox, SandboxHost host) => RunspaceState.Current.AddSandbox(port, sandbox, host);

    public static IReadOnlyList<int> Ports() => RunspaceState.Current.SandboxPorts();

    /// <summary>Stops the sandbox on a port; false when this runspace runs none there.</summary>
    public static bool Stop(int port) => RunspaceState.Current.StopSandbox(port);
}
