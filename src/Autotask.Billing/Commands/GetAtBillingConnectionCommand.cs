using System.Management.Automation;
using Autotask.Billing.Autotask;
using Autotask.Billing.Infrastructure;

namespace Autotask.Billing.Commands;

/// <summary>Shows the session's connection: zone, user, database id and this hour's API usage (read from Autotask).</summary>
[Cmdlet(VerbsCommon.Get, "AtBillingConnection")]
[OutputType(typeof(AutotaskConnectionInfo))]
public sealed class GetAtBillingConnectionCommand : AtBillingCmdlet
{
    protected override void EndProcessing()
    {
        var connection = RequireConnection();
        try
        {
            var threshold = Run(token => connection.Client.GetThresholdInformationAsync(token));
            WriteObject(connection.Describe(threshold));
        }
        catch (Exception exception) when (exception is AutotaskException or HttpRequestException)
        {
            WriteErrorFor(exception, connection.Client.Zone.Url);
            WriteObject(connection.Describe(null));
        }
    }
}
