using System.Management.Automation;
using Autotask.Billing.Infrastructure;

namespace Autotask.Billing.Commands;

/// <summary>Ends the session's connection (and stops the embedded sandbox it used); harmless when not connected.</summary>
[Cmdlet(VerbsCommunications.Disconnect, "AtBilling")]
[OutputType(typeof(void))]
public sealed class DisconnectAtBillingCommand : AtBillingCmdlet
{
    protected override void EndProcessing()
    {
        WriteVerbose(Disconnect() ? "Disconnected from Autotask." : "There was no connection to end.");
    }
}
