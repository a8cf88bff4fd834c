using System.Management.Automation;
using Autotask.Billing.Crm;
using Autotask.Billing.Infrastructure;

namespace Autotask.Billing.Commands;

/// <summary>
/// Lists what is not yet in Autotask, in the order it must be pushed (Work 365's change log): products, customers,
/// contracts, services, adjustments. Reads only. Sync-AtPendingChange pushes the same input in that order; each push
/// is journalled, and a change Autotask holds is not listed again.
/// </summary>
[Cmdlet(VerbsCommon.Get, "AtPendingChange")]
[OutputType(typeof(PendingChange))]
public sealed class GetAtPendingChangeCommand : PendingChangeCmdlet
{
    protected override void EndProcessing()
    {
        var request = BuildRequest();
        var connection = RequireConnection();
        var document = ReadDocument();
        IReadOnlyList<PendingChange> changes;
        try
        {
            changes = RunAutotask(token => PendingChangeReader.ReadAsync(connection.Client, document, request, token));
        }
        catch (ArgumentException exception)
        {
            ThrowTerminatingErrorFor(exception, DefaultCategory);
            return;
        }

        WriteVerbose(changes.Count == 0 ? "Nothing is pending: Autotask is in step." : $"{changes.Count} changes are pending.");
        foreach (var change in changes)
        {
            WriteObject(change);
        }
    }
}
