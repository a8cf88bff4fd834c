using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using Autotask.Billing.Sandbox;

namespace Autotask.Billing.Infrastructure;

/// <summary>
/// What one runspace holds: its connection, the sandboxes it started and the relay for its request log. A thread
/// job or a second runspace gets its own, so it never retargets or tears down another's; a runspace's state is
/// released when the runspace closes.
/// </summary>
internal sealed class RunspaceState
{
    private static readonly ConditionalWeakTable<Runspace, RunspaceState> States = new();
    private static readonly RunspaceState Detached = new();

    private readonly object _gate = new();
    private readonly Dictionary<int, (AutotaskSandbox Sandbox, SandboxHost Host)> _sandboxes = new();
    private ActiveConnection? _connection;

    public RequestLogRelay RequestLog { get; } = new();

    /// <summary>The billing files this runspace read and the lines they rejected (Compare-AtContract refuses them).</summary>
    public RejectedLinePolicy RejectedLines { get; } = new();

    /// <summary>The state of the runspace running on this thread (the pipeline or completion thread of a command).</summary>
    public static RunspaceState Current => For(Runspace.DefaultRunspace);

    /// <summary>The state of <paramref name="runspace"/>; without one (a thread no runspace owns) a detached state.</summary>
    public static RunspaceState For(Runspace? runspace) => runspace is null ? Detached : States.GetValue(runspace, Attach);

    public ActiveConnection? Connection
    {
        get
        {
            lock (_gate)
            {
                return _connection;
            }
        }
    }

    /// <summary>Swaps in <paramref name="connection"/> (null to disconnect) and returns the previous one, not yet disposed.</summary>
    public ActiveConnection? ExchangeConnection(ActiveConnection? connection)
    {
        lock (_gate)
        {
            var previous = _connection;
            _connection = connection;
            return previous;
        }
    }

    public void AddSandbox(int port, AutotaskSandbox sandbox, SandboxHost host)
    {
        lock (_gate)
        {
            _sandboxes[port] = (sandbox, host);
        }
    }

    public IReadOnlyList<int> SandboxPorts()
    {
        lock (_gate)
        {
            return _sandboxes.Keys.OrderBy(port => port).ToList();
        }
    }

    /// <summary>Stops a sandbox this runspace started; false when it started none on that port.</summary>
    public bool StopSandbox(int port)
    {
        (AutotaskSandbox Sandbox, SandboxHost Host) entry;
        lock (_gate)
        {
            if (!_sandboxes.TryGetValue(port, out entry))
            {
                return false;
            }

            _sandboxes.Remove(port);
        }

        entry.Host.Dispose();
        entry.Sandbox.Dispose();
        return true;
    }

    /// <summary>Disconnects and stops every sandbox of this runspace (module removal, runspace closing).</summary>
    public void Release()
    {
        ExchangeConnection(null)?.Dispose();
        foreach (var port in SandboxPorts())
        {
            StopSandbox(port);
        }
    }

    private static RunspaceState Attach(Runspace runspace)
    {
        var state = new RunspaceState();
        runspace.StateChanged += (_, change) =>
        {
            if (change.RunspaceStateInfo.State is System.Management.Automation.Runspaces.RunspaceState.Closed or System.Management.Automation.Runspaces.RunspaceState.Broken)
            {
                state.Release();
            }
        };
        return state;
    }
}
