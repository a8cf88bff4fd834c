using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Autotask.Billing.Completers;

/// <summary>Completes -Source with the vendor sources the module reads and those the mapping store already has.</summary>
public sealed class MappingSourceCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        return CompletionText.Matching(BillingSources.KnownTo(MappingCompletion.ReadDocument(fakeBoundParameters)), wordToComplete);
    }
}
