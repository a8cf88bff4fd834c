using System.Management.Automation;
using Autotask.Billing.Reporting;

namespace Autotask.Billing.Infrastructure;

/// <summary>
/// Gives a text parameter its original value when it binds a formula-guarded cell (Compare-AtContract's text is
/// guarded so a review file is safe in a spreadsheet), e.g. a piped or re-imported difference's CustomerName.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal sealed class RestoreGuardedTextAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        return value switch
        {
            string text => SpreadsheetText.Restore(text),
            string[] texts => texts.Select(SpreadsheetText.Restore).ToArray(),
            _ => inputData,
        };
    }
}
