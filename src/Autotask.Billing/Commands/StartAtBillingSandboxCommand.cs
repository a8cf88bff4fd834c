using System.Management.Automation;
using System.Net;
using System.Security;
using Autotask.Billing.Infrastructure;
using Autotask.Billing.Sandbox;

namespace Autotask.Billing.Commands;

/// <summary>
/// Serves the sandbox (an in-memory Autotask speaking the REST wire protocol) on a loopback port, so that
/// Connect-AtBilling — or any other Autotask client pointed at its zone lookup — can use it.
/// </summary>
[Cmdlet(VerbsLifecycle.Start, "AtBillingSandbox", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(SandboxServer))]
public sealed class StartAtBillingSandboxCommand : AtBillingCmdlet
{
    /// <summary>The loopback port; 0 (the default) picks a free one.</summary>
    [Parameter(Position = 0)]
    [ValidateRange(0, 65535)]
    public int Port { get; set; }

    /// <summary>A JSON file that keeps the sandbox's state: loaded when it exists, and saved after every write.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    /// <summary>Starts with only what a new Autotask database has, instead of the demo tenant.</summary>
    [Parameter]
    public SwitchParameter Empty { get; set; }

    /// <summary>Whether contract services have an adjustedPrice field (Autotask's docs and Swagger disagree).</summary>
    [Parameter]
    public AdjustedPriceBehavior AdjustedPrice { get; set; } = AdjustedPriceBehavior.Present;

    /// <summary>Whether an adjustment's adjustedUnitPrice and adjustedUnitCost change what the unit rows bill.</summary>
    [Parameter]
    public AdjustmentPriceBehavior AdjustmentPrices { get; set; } = AdjustmentPriceBehavior.Honoured;

    /// <summary>Whether consecutive unit rows share their boundary date (Touching) or not (Disjoint).</summary>
    [Parameter]
    public UnitRowBoundaries UnitRowBoundaries { get; set; } = UnitRowBoundaries.Disjoint;

    protected override void EndProcessing()
    {
        var path = Path is null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
        var target = Port == 0 ? "127.0.0.1 (a free port)" : $"127.0.0.1:{Port}";
        var tenant = path is not null && File.Exists(path) ? $"the tenant saved in {path}" : Empty ? "an empty tenant" : "the demo tenant";
        if (!ShouldProcess(target, $"Start the Autotask sandbox with {tenant}"))
        {
            return;
        }

        AutotaskSandbox? sandbox = null;
        try
        {
            sandbox = Open(path);
            var host = SandboxHost.Start(sandbox, Port);
            var port = host.BaseUri.Port;
            Session.AddSandbox(port, sandbox, host);
            var user = sandbox.ApiUser;
            var credential = new PSCredential(user.UserName, Secure(user.Secret));
            WriteObject(new SandboxServer(host.ZoneUri, credential, user.IntegrationCode, port, sandbox.DatabaseId, path));
        }
        catch (Exception exception) when (exception is IOException or HttpListenerException or UnauthorizedAccessException or InvalidDataException or Newtonsoft.Json.JsonException)
        {
            sandbox?.Dispose();
            ThrowTerminatingError(ErrorRecords.Create(exception, ErrorIds.SandboxStartFailed, ErrorCategory.ResourceUnavailable, target));
        }
    }

    private AutotaskSandbox Open(string? path)
    {
        var options = new SandboxOptions
        {
            PersistPath = path, AdjustedPrice = AdjustedPrice, AdjustmentPrices = AdjustmentPrices, UnitRowBoundaries = UnitRowBoundaries,
        };
        if (path is not null && File.Exists(path))
        {
            return AutotaskSandbox.Load(path, options);
        }

        var sandbox = Empty ? AutotaskSandbox.CreateEmpty(options) : AutotaskSandbox.CreateDemo(options);
        if (path is not null)
        {
            sandbox.Save(path);
        }

        return sandbox;
    }

    private static SecureString Secure(string text)
    {
        var secure = new SecureString();
        foreach (var character in text)
        {
            secure.AppendChar(character);
        }

        secure.MakeReadOnly();
        return secure;
    }
}
