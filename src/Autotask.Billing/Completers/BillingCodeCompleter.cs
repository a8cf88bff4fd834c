using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using Autotask.Billing.Mapping;

namespace Autotask.Billing.Completers;

/// <summary>Completes billing code names of the connected database (active ones).</summary>
public sealed class BillingCodeCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        CompletionText.Matching(ConnectionNameCache.For(CachedNameKind.BillingCode, ReadBillingCodeNamesAsync), wordToComplete);

    private static async Task<IEnumerable<string?>> ReadBillingCodeNamesAsync(Autotask.AutotaskClient client, CancellationToken cancellationToken)
    {
        var codes = await new AutotaskCatalogReader(client).ReadBillingCodesAsync(cancellationToken).ConfigureAwait(false);
        return codes.Where(code => code.IsActive).Select(code => code.Name);
    }
}
