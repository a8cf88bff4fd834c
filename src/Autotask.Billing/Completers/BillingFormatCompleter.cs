using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Autotask.Billing.Completers;

/// <summary>Completes -Format with the built-in formats and the embedded column-map profiles.</summary>
public sealed class BillingFormatCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var formats = Enum.GetNames(typeof(BillingSourceFormat)).Where(name => name != nameof(BillingSourceFormat.Detect) && name != nameof(BillingSourceFormat.Profile));
        return CompletionText.Matching(formats.Concat(BillingProfile.EmbeddedNames), wordToComplete);
    }
}
