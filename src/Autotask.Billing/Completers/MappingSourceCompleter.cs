using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Autotask.Billing.Completers;

/// <summary>Completes -Source with the vendor sources the module reads and those the mapping store already has.</summary>
public sealed class MappingSourceCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var document = MappingCompletion.ReadDocument(fakeBoundParameters);
        // The sources the commands accept: the readers' own, then the ones the store has (a fresh store has none).
        var stored = document is null
            ? Enumerable.Empty<string>()
            : document.Customers.Select(c => c.Source).Concat(document.Services.Select(s => s.Source));
        return CompletionText.Matching(BillingSources.BuiltIn.Concat(stored).Distinct(StringComparer.OrdinalIgnoreCase), wordToComplete);
    }
}
