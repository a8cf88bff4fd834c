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
    public const string AutotaskRequestFailed = nameof(AutotaskRequestFailed);
    public const string AutotaskThrottled = nameof(AutotaskThrottled);
    public const string RequestBudgetExhausted = nameof(RequestBudgetExhausted);
    public const string WriteOutcomeUnknown = nameof(WriteOutcomeUnknown);
    public const string AutotaskUnreachable = nameof(AutotaskUnreachable);
    public const string SandboxNotRunning = nameof(SandboxNotRunning);
    public const string SandboxStartFailed = nameof(SandboxStartFailed);
    public const string MappingStoreInUse = nameof(MappingStoreInUse);
    public const string MappingStoreInvalid = nameof(MappingStoreInvalid);
    public const string MappingExists = nameof(MappingExists);
    public const string MappingNotFound = nameof(MappingNotFound);
    public const string ContractNotFound = nameof(ContractNotFound);
    public const string MappingRowInvalid = nameof(MappingRowInvalid);
    public const string MappingTargetInvalid = nameof(MappingTargetInvalid);
    public const string BillingSettingInvalid = nameof(BillingSettingInvalid);
    public const string BillingFileInvalid = nameof(BillingFileInvalid);
    public const string BillingLineRejected = nameof(BillingLineRejected);
    public const string BillingFileRejected = nameof(BillingFileRejected);
    public const string NoBillingLines = nameof(NoBillingLines);
    public const string PathNotFound = nameof(PathNotFound);
    public const string PathIsFolder = nameof(PathIsFolder);
    public const string FileAccessFailed = nameof(FileAccessFailed);
    public const string OperationStopped = nameof(OperationStopped);
    public const string InvalidArgument = nameof(InvalidArgument);
    public const string ReportInputInvalid = nameof(ReportInputInvalid);
    public const string ReportFileExists = nameof(ReportFileExists);
    public const string ReportWriteFailed = nameof(ReportWriteFailed);
    public const string NotificationFailed = nameof(NotificationFailed);
    public const string UnexpectedFailure = nameof(UnexpectedFailure);
    public const string DifferenceInvalid = nameof(DifferenceInvalid);
    public const string SyncOperationFailed = nameof(SyncOperationFailed);
    public const string SyncRunNotFound = nameof(SyncRunNotFound);
    public const string SyncInProgress = nameof(SyncInProgress);
    public const string SyncOperationUnconfirmed = nameof(SyncOperationUnconfirmed);
    public const string CustomerInputInvalid = nameof(CustomerInputInvalid);
}
