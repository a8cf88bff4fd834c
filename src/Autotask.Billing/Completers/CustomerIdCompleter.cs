using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Autotask.Billing.Completers;

/// <summary>Completes -CustomerId with the vendor customer ids the mapping store holds (of the -Source typed, if any).</summary>
public sealed class CustomerIdCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var source = MappingCompletion.Source(fakeBoundParameters);
        var customers = MappingCompletion.ReadDocument(fakeBoundParameters)?.Customers ?? Array.Empty<Mapping.CustomerMapping>();
        return CompletionText.Matching(customers.Where(c => MappingCompletion.SameSource(source, c.Source)).Select(c => c.CustomerId), wordToComplete);
    }
}
