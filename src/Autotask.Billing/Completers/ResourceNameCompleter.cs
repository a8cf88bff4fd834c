using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using Autotask.Billing.Mapping;

namespace Autotask.Billing.Completers;

/// <summary>Completes the names of active resources (account managers) of the connected database.</summary>
public sealed class ResourceNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        CompletionText.Matching(ConnectionNameCache.For(CachedNameKind.Resource, ReadResourceNamesAsync), wordToComplete);

    private static async Task<IEnumerable<string?>> ReadResourceNamesAsync(Autotask.AutotaskClient client, CancellationToken cancellationToken)
    {
        var resources = await new AutotaskCatalogReader(client).ReadResourcesAsync(cancellationToken).ConfigureAwait(false);
        return resources.Where(resource => resource.IsActive).Select(resource => resource.Name);
    }
}
