using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Autotask.Billing.Completers;

/// <summary>Completes -Sku with the SKUs the mapping store holds (of the -Source typed, if any).</summary>
public sealed class SkuCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var source = MappingCompletion.Source(fakeBoundParameters);
        var services = MappingCompletion.ReadDocument(fakeBoundParameters)?.Services ?? Array.Empty<Mapping.ServiceMapping>();
        return CompletionText.Matching(services.Where(s => MappingCompletion.SameSource(source, s.Source)).Select(s => s.Sku), wordToComplete);
    }
}
