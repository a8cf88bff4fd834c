using System.Management.Automation;
using Autotask.Billing.Infrastructure;
using Autotask.Billing.Mapping;

namespace Autotask.Billing.Commands;

/// <summary>Shows the setup values kept in the mapping store: billing codes, account manager, vendor companies and phones, currency, defaults, thresholds, removal policy.</summary>
[Cmdlet(VerbsCommon.Get, "AtBillingSetting")]
[OutputType(typeof(BillingSettings))]
public sealed class GetAtBillingSettingCommand : MappingCmdlet
{
    protected override void EndProcessing() => WriteObject(ReadDocument().Settings);
}
