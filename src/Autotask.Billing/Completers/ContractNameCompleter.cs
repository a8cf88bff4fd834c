using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using Autotask.Billing.Autotask.Entities;
using Autotask.Billing.Autotask.Query;

namespace Autotask.Billing.Completers;

/// <summary>Completes contract names of the connected database (Recurring Service contracts).</summary>
public sealed class ContractNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        CompletionText.Matching(ConnectionNameCache.For(CachedNameKind.Contract, ReadContractNamesAsync), wordToComplete);

    private static async Task<IEnumerable<string?>> ReadContractNamesAsync(Autotask.AutotaskClient client, CancellationToken cancellationToken)
    {
        var query = AutotaskQuery.Where(AutotaskFilter.Eq("contractType", Contract.RecurringServiceType)).WithIncludeFields("id", "contractName");
        var contracts = await client.QueryAsync<Contract>(query, cancellationToken).ConfigureAwait(false);
        return contracts.Select(contract => contract.ContractName);
    }
}
