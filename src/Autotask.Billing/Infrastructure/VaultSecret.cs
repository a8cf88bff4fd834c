using System.Collections;
using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Net;
using System.Security;

namespace Autotask.Billing.Infrastructure;

/// <summary>
/// Reads the API user, its secret and the integration code from a SecretManagement vault (Get-Secret, from whatever
/// Microsoft.PowerShell.SecretManagement the session finds on PSModulePath). The secret is either a hashtable with
/// UserName, Secret and ApiIntegrationCode, or a PSCredential (user and secret) with the integration code given apart.
/// Values stay in memory only for the connect; none is written to any stream.
/// </summary>
internal static class VaultSecret
{
    public const string ModuleName = "Microsoft.PowerShell.SecretManagement";
    public const string UserNameKey = "UserName";
    public const string SecretKey = "Secret";
    public const string IntegrationCodeKey = "ApiIntegrationCode";

    /// <summary>What the vault holds: any of the three may be missing (then null).</summary>
    public static (string? UserName, string? Secret, string? IntegrationCode) Read(string vault, string secretName)
    {
        using var powershell = PowerShell.Create(RunspaceMode.CurrentRunspace);
        powershell.AddCommand("Import-Module").AddParameter("Name", ModuleName).AddParameter("ErrorAction", "Stop").AddCommand("Out-Null");
        try
        {
            powershell.Invoke();
        }
        catch (RuntimeException exception)
        {
            throw new InvalidOperationException(
                $"Reading the credential from the vault '{vault}' needs the {ModuleName} module, which this session cannot load ({exception.Message}). Install it with: Install-PSResource {ModuleName}",
                exception);
        }

        powershell.Commands.Clear();
        powershell.AddCommand("Get-Secret").AddParameter("Vault", vault).AddParameter("Name", secretName).AddParameter("ErrorAction", "Stop");
        Collection<PSObject> found;
        try
        {
            found = powershell.Invoke();
        }
        catch (RuntimeException exception)
        {
            throw new InvalidOperationException($"The vault '{vault}' gave no secret '{secretName}': {exception.Message}", exception);
        }

        var value = found.Count == 1 ? found[0].BaseObject : null;
        return value switch
        {
            PSCredential credential => (credential.UserName, Plain(credential.Password), null),
            IDictionary table => (Plain(Lookup(table, UserNameKey)), Plain(Lookup(table, SecretKey)), Plain(Lookup(table, IntegrationCodeKey))),
            _ => throw new InvalidOperationException(
                $"The secret '{secretName}' in the vault '{vault}' is a {value?.GetType().Name ?? "nothing"}; store a hashtable with {UserNameKey}, {SecretKey} and {IntegrationCodeKey}, or a PSCredential."),
        };
    }

    private static object? Lookup(IDictionary table, string key)
    {
        foreach (DictionaryEntry entry in table)
        {
            if (string.Equals(entry.Key as string, key, StringComparison.OrdinalIgnoreCase))
            {
                return entry.Value is PSObject wrapped ? wrapped.BaseObject : entry.Value;
            }
        }

        return null;
    }

    private static string? Plain(object? value) => value switch
    {
        null => null,
        SecureString secure => new NetworkCredential(string.Empty, secure).Password,
        PSCredential credential => credential.GetNetworkCredential().Password,
        _ => value.ToString(),
    };
}
