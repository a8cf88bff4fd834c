using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using Autotask.Billing.Mapping;

namespace Autotask.Billing.Completers;

/// <summary>
/// Completes -CompanyName with the connected database's active company names: from what this session last read, or
/// from one bulk read on first completion (a fresh session has read nothing yet).
/// </summary>
public sealed class CompanyNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        CompletionText.Matching(ConnectionNameCache.For(CachedNameKind.Company, ReadCompanyNamesAsync), wordToComplete);

    private static async Task<IEnumerable<string?>> ReadCompanyNamesAsync(Autotask.AutotaskClient client, CancellationToken cancellationToken)
    {
        var companies = await new AutotaskCatalogReader(client).ReadCompaniesAsync(cancellationToken).ConfigureAwait(false);
        return companies.Where(company => company.IsActive).Select(company => company.CompanyName);
    }
}
