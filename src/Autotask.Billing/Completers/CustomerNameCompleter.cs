using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Autotask.Billing.Completers;

/// <summary>Completes -CustomerName with the vendor customer names last seen in the mapping store.</summary>
public sealed class CustomerNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var source = MappingCompletion.Source(fakeBoundParameters);
        var customers = MappingCompletion.ReadDocument(fakeBoundParameters)?.Customers ?? Array.Empty<Mapping.CustomerMapping>();
        return CompletionText.Matching(
            customers.Where(c => MappingCompletion.SameSource(source, c.Source) && c.CustomerName is not null).Select(c => c.CustomerName!),
            wordToComplete);
    }
}
