using System.Management.Automation;
using Autotask.Billing.Infrastructure;

namespace Autotask.Billing.Commands;

/// <summary>Stops sandboxes that Start-AtBillingSandbox serves: the ones piped in or named by port, else all of them.</summary>
[Cmdlet(VerbsLifecycle.Stop, "AtBillingSandbox", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(void))]
public sealed class StopAtBillingSandboxCommand : AtBillingCmdlet
{
    private bool _anyNamed;

    /// <summary>The port of the sandbox to stop; binds from the SandboxServer objects Start-AtBillingSandbox returns.</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1, 65535)]
    public int[]? Port { get; set; }

    protected override void ProcessRecord()
    {
        if (Port is null)
        {
            return;
        }

        _anyNamed = true;
        foreach (var port in Port)
        {
            Stop(port, reportMissing: true);
        }
    }

    protected override void EndProcessing()
    {
        if (_anyNamed)
        {
            return;
        }

        foreach (var port in Session.SandboxPorts())
        {
            Stop(port, reportMissing: false);
        }
    }

    private void Stop(int port, bool reportMissing)
    {
        var target = $"http://127.0.0.1:{port}/";
        if (!ShouldProcess(target, "Stop the Autotask sandbox"))
        {
            return;
        }

        if (!Session.StopSandbox(port) && reportMissing)
        {
            var exception = new InvalidOperationException($"No sandbox started by Start-AtBillingSandbox is running on port {port}.");
            WriteError(ErrorRecords.Create(exception, ErrorIds.SandboxNotRunning, ErrorCategory.ObjectNotFound, port));
        }
    }
}
