using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Autotask.Billing.Completers;

/// <summary>Completes -Source with the vendors the mapping store already has mappings for.</summary>
public sealed class MappingSourceCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var document = MappingCompletion.ReadDocument(fakeBoundParameters);
        var sources = document is null
            ? Enumerable.Empty<string>()
            : document.Customers.Select(c => c.Source).Concat(document.Services.Select(s => s.Source)).Concat(document.Settings.VendorCompanyNames.Keys);
        return CompletionText.Matching(sources, wordToComplete);
    }
}
