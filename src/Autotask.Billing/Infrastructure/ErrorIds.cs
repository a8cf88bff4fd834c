namespace Autotask.Billing.Infrastructure;

/// <summary>
/// Stable error ids. PowerShell qualifies them as "{Id},Autotask.Billing.Commands.{Cmdlet}Command", so scripts can
/// match on them; never rename one.
/// </summary>
public static class ErrorIds
{
    public const string NotConnected = nameof(NotConnected);
    public const string AuthenticationFailed = nameof(AuthenticationFailed);
    public const string CredentialMissing = nameof(CredentialMissing);
    public const string ZoneDiscoveryFailed = nameof(ZoneDiscoveryFailed);
    public const string AutotaskRequestFailed = nameof(AutotaskRequestFailed);
    public const string AutotaskThrottled = nameof(AutotaskThrottled);
    public const string RequestBudgetExhausted = nameof(RequestBudgetExhausted);
    public const string WriteOutcomeUnknown = nameof(WriteOutcomeUnknown);
    public const string AutotaskUnreachable = nameof(AutotaskUnreachable);
    public const string SandboxNotRunning = nameof(SandboxNotRunning);
    public const string SandboxStateInvalid = nameof(SandboxStateInvalid);
    public const string ContractNotFound = nameof(ContractNotFound);
}
