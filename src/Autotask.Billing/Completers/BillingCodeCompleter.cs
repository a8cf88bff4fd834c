using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using Autotask.Billing.Mapping;

namespace Autotask.Billing.Completers;

/// <summary>
/// Completes billing code names of the connected database: for -MaterialBillingCode the codes Set-AtBillingSetting
/// accepts as the material code, for any other parameter the ones it accepts as the recurring code — never one it
/// would then refuse. The same validator decides both.
/// </summary>
public sealed class BillingCodeCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var material = string.Equals(parameterName, "MaterialBillingCode", StringComparison.OrdinalIgnoreCase);
        var names = material
            ? ConnectionNameCache.For(CachedNameKind.MaterialBillingCode, (client, token) => ReadAcceptedNamesAsync(client, BillingSettingsValidator.CheckMaterialBillingCode, token))
            : ConnectionNameCache.For(CachedNameKind.RecurringBillingCode, (client, token) => ReadAcceptedNamesAsync(client, BillingSettingsValidator.CheckRecurringBillingCode, token));
        return CompletionText.Matching(names, wordToComplete);
    }

    private static async Task<IEnumerable<string?>> ReadAcceptedNamesAsync(
        Autotask.AutotaskClient client, Func<long, IEnumerable<BillingCodeInfo>, string?> check, CancellationToken cancellationToken)
    {
        var codes = await new AutotaskCatalogReader(client).ReadBillingCodesAsync(cancellationToken).ConfigureAwait(false);
        return codes.Where(code => check(code.BillingCodeId, codes) is null).Select(code => code.Name);
    }
}
