using System.Management.Automation;
using System.Net;
using Autotask.Billing.Autotask;
using Autotask.Billing.Infrastructure;
using Autotask.Billing.Sandbox;

namespace Autotask.Billing.Commands;

/// <summary>
/// Connects the session to an Autotask database (zone discovery, then a verified API call) or to the embedded sandbox.
/// With no credential it reads AUTOTASK_API_USER, AUTOTASK_API_SECRET and AUTOTASK_API_INTEGRATION_CODE, so a
/// scheduled task needs no secret in its script; with -Vault it reads them from a SecretManagement vault; an
/// interactive session is asked for what is missing.
/// </summary>
[Cmdlet(VerbsCommunications.Connect, "AtBilling", DefaultParameterSetName = CredentialSet)]
[OutputType(typeof(AutotaskConnectionInfo))]
public sealed class ConnectAtBillingCommand : AtBillingCmdlet
{
    public const string UserVariable = "AUTOTASK_API_USER";
    public const string SecretVariable = "AUTOTASK_API_SECRET";
    public const string IntegrationCodeVariable = "AUTOTASK_API_INTEGRATION_CODE";

    private const string CredentialSet = "Credential";
    private const string SandboxSet = "Sandbox";
    private const string VaultSet = "Vault";

    // The embedded sandbox answers any host; this one names it plainly in verbose and debug output.
    private static readonly Uri EmbeddedSandboxZone = new("https://sandbox.autotask-billing.invalid/ATServicesRest/");

    /// <summary>The API-only user's user name and secret.</summary>
    [Parameter(ParameterSetName = CredentialSet, Position = 0)]
    [Credential]
    public PSCredential? Credential { get; set; }

    /// <summary>The SecretManagement vault that holds the API user, its secret and the integration code.</summary>
    [Parameter(ParameterSetName = VaultSet, Mandatory = true)]
    [ValidateNotNullOrEmpty]
    public string? Vault { get; set; }

    /// <summary>The secret in the vault: a hashtable with UserName, Secret and ApiIntegrationCode, or a PSCredential.</summary>
    [Parameter(ParameterSetName = VaultSet)]
    [ValidateNotNullOrEmpty]
    public string SecretName { get; set; } = "AutotaskBilling";

    /// <summary>The API tracking identifier of the integration.</summary>
    [Parameter(ParameterSetName = CredentialSet)]
    [Parameter(ParameterSetName = VaultSet)]
    [ValidateNotNullOrEmpty]
    public string? ApiIntegrationCode { get; set; }

    /// <summary>The zone's REST root; skips zone discovery.</summary>
    [Parameter(ParameterSetName = CredentialSet)]
    [Parameter(ParameterSetName = VaultSet)]
    public Uri? ZoneUri { get; set; }

    /// <summary>A resource that writes are attributed to.</summary>
    [Parameter(ParameterSetName = CredentialSet)]
    [Parameter(ParameterSetName = VaultSet)]
    [ValidateRange(1L, long.MaxValue)]
    public long? ImpersonationResourceId { get; set; }

    /// <summary>Connects to the embedded sandbox (an in-memory Autotask with a demo tenant) instead of Autotask.</summary>
    [Parameter(ParameterSetName = SandboxSet, Mandatory = true)]
    public SwitchParameter Sandbox { get; set; }

    /// <summary>A JSON file that keeps the sandbox's state between sessions; created with the demo tenant when missing.</summary>
    [Parameter(ParameterSetName = SandboxSet)]
    [ValidateNotNullOrEmpty]
    public string? SandboxPath { get; set; }

    /// <summary>
    /// Seconds to wait for each Autotask answer (default 100). A create that gets no answer in time is never sent
    /// again: it is looked up until this long after it was sent, then reported Unconfirmed.
    /// </summary>
    [Parameter]
    [ValidateRange(1, 3600)]
    public int TimeoutSec { get; set; } = 100;

    /// <summary>
    /// How often a request refused by throttling (429, thread threshold) or a failed read is tried again (default 4).
    /// Creates are repeated only when Autotask refused them before doing any work.
    /// </summary>
    [Parameter]
    [ValidateRange(0, 20)]
    public int MaximumRetryCount { get; set; } = 4;

    /// <summary>Returns the connection.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void EndProcessing()
    {
        var connection = Sandbox ? ConnectToSandbox() : ConnectToAutotask();
        Session.ExchangeConnection(connection)?.Dispose();
        WriteVerbose($"Connected to {connection.Client.Zone.Url} as {connection.Client.UserName} (database {connection.Client.Zone.CI}).");
        if (PassThru)
        {
            WriteObject(connection.Describe(null));
        }
    }

    private ActiveConnection ConnectToAutotask()
    {
        var credential = ResolveCredential();
        var options = ClientOptions(ZoneUri);
        WriteVerbose(ZoneUri is null ? $"Discovering the Autotask zone of {credential.UserName}." : $"Using the zone {ZoneUri}.");
        var client = Connect(credential, options);
        return new ActiveConnection(client, null, DateTime.UtcNow);
    }

    private ActiveConnection ConnectToSandbox()
    {
        AutotaskSandbox sandbox;
        try
        {
            sandbox = OpenSandbox();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidDataException or Newtonsoft.Json.JsonException)
        {
            ThrowTerminatingError(ErrorRecords.Create(exception, ErrorIds.SandboxStartFailed, ErrorCategory.InvalidData, SandboxPath));
            throw;
        }

        var user = sandbox.ApiUser;
        var credential = new AutotaskCredential(user.UserName, new ApiSecret(user.Secret), new ApiSecret(user.IntegrationCode));
        var options = ClientOptions(EmbeddedSandboxZone) with { MessageHandler = sandbox.CreateHandler() };
        try
        {
            return new ActiveConnection(Connect(credential, options), sandbox, DateTime.UtcNow);
        }
        catch
        {
            sandbox.Dispose();
            throw;
        }
    }

    private AutotaskClientOptions ClientOptions(Uri? zoneUri) =>
        AtBillingSession.ClientOptions(zoneUri, Session.RequestLog) with { RequestTimeout = TimeSpan.FromSeconds(TimeoutSec), MaxAttempts = MaximumRetryCount + 1 };

    private AutotaskSandbox OpenSandbox()
    {
        if (SandboxPath is null)
        {
            WriteVerbose("Starting the embedded sandbox with the demo tenant (state kept in memory only).");
            return AutotaskSandbox.CreateDemo();
        }

        var path = SessionState.Path.GetUnresolvedProviderPathFromPSPath(SandboxPath);
        var options = new SandboxOptions { PersistPath = path };
        if (File.Exists(path))
        {
            WriteVerbose($"Loading the sandbox state from {path}.");
            return AutotaskSandbox.Load(path, options);
        }

        WriteVerbose($"Starting the embedded sandbox with the demo tenant; its state is kept in {path}.");
        var sandbox = AutotaskSandbox.CreateDemo(options);
        sandbox.Save(path);
        return sandbox;
    }

    private AutotaskClient Connect(AutotaskCredential credential, AutotaskClientOptions options)
    {
        try
        {
            return Run(token => AutotaskClient.ConnectAsync(credential, options, token));
        }
        catch (Exception exception) when (exception is AutotaskException or HttpRequestException)
        {
            ThrowTerminatingErrorFor(exception, credential.UserName);
            throw;
        }
    }

    private AutotaskCredential ResolveCredential()
    {
        var (vaultUser, vaultSecret, vaultCode) = Vault is null ? default : ReadVault(Vault);
        var userName = Credential?.UserName ?? vaultUser ?? Environment.GetEnvironmentVariable(UserVariable);
        var secret = Credential?.GetNetworkCredential().Password ?? vaultSecret ?? Environment.GetEnvironmentVariable(SecretVariable);
        var integrationCode = ApiIntegrationCode ?? vaultCode ?? Environment.GetEnvironmentVariable(IntegrationCodeVariable);

        if (string.IsNullOrEmpty(userName) || string.IsNullOrEmpty(secret) || string.IsNullOrEmpty(integrationCode))
        {
            if (!InteractiveSession.CanPrompt(Host))
            {
                ThrowCredentialMissing(userName, secret, integrationCode);
            }

            (userName, secret, integrationCode) = Prompt(userName, secret, integrationCode);
        }

        return new AutotaskCredential(userName!, new ApiSecret(secret!), new ApiSecret(integrationCode!), ImpersonationResourceId);
    }

    private (string? UserName, string? Secret, string? IntegrationCode) ReadVault(string vault)
    {
        WriteVerbose($"Reading the API credential '{SecretName}' from the vault '{vault}'.");
        try
        {
            return VaultSecret.Read(vault, SecretName);
        }
        catch (InvalidOperationException exception)
        {
            ThrowTerminatingError(ErrorRecords.Create(exception, ErrorIds.CredentialMissing, ErrorCategory.AuthenticationError, vault,
                $"Store the credential with: Set-Secret -Vault {vault} -Name {SecretName} -Secret @{{ UserName = '...'; Secret = '...'; ApiIntegrationCode = '...' }}"));
            throw;
        }
    }

    private (string UserName, string Secret, string IntegrationCode) Prompt(string? userName, string? secret, string? integrationCode)
    {
        if (string.IsNullOrEmpty(userName) || string.IsNullOrEmpty(secret))
        {
            var prompted = Host.UI.PromptForCredential("Connect-AtBilling", "The Autotask API user (API-only security level) and its secret.", userName ?? string.Empty, string.Empty);
            if (prompted is null)
            {
                ThrowCredentialMissing(null, null, integrationCode);
            }

            userName = prompted!.UserName;
            secret = prompted.GetNetworkCredential().Password;
        }

        if (string.IsNullOrEmpty(integrationCode))
        {
            Host.UI.Write("API integration code (tracking identifier): ");
            integrationCode = new NetworkCredential(string.Empty, Host.UI.ReadLineAsSecureString()).Password;
        }

        if (string.IsNullOrEmpty(userName) || string.IsNullOrEmpty(secret) || string.IsNullOrEmpty(integrationCode))
        {
            ThrowCredentialMissing(userName, secret, integrationCode);
        }

        return (userName!, secret!, integrationCode!);
    }

    private void ThrowCredentialMissing(string? userName, string? secret, string? integrationCode)
    {
        var missing = new List<string>();
        if (string.IsNullOrEmpty(userName))
        {
            missing.Add($"the user name (-Credential or {UserVariable})");
        }

        if (string.IsNullOrEmpty(secret))
        {
            missing.Add($"the secret (-Credential or {SecretVariable})");
        }

        if (string.IsNullOrEmpty(integrationCode))
        {
            missing.Add($"the API integration code (-ApiIntegrationCode or {IntegrationCodeVariable})");
        }

        var exception = new InvalidOperationException($"Cannot connect to Autotask: missing {string.Join(", ", missing)}, and this session cannot prompt for them.");
        ThrowTerminatingError(ErrorRecords.Create(exception, ErrorIds.CredentialMissing, ErrorCategory.AuthenticationError, null,
            $"Pass -Credential and -ApiIntegrationCode, or set {UserVariable}, {SecretVariable} and {IntegrationCodeVariable} for the account that runs the task."));
    }
}
