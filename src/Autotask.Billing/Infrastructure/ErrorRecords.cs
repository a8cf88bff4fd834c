using System.Management.Automation;
using Autotask.Billing.Autotask;
using Autotask.Billing.Mapping;
using Autotask.Billing.Notifications;
using Autotask.Billing.Reporting;
using Autotask.Billing.Sync;

namespace Autotask.Billing.Infrastructure;

/// <summary>Turns the core's typed exceptions into ErrorRecords with stable ids, real categories and advice.</summary>
internal static class ErrorRecords
{
    public static ErrorRecord From(Exception exception, object? target)
    {
        var (id, category, advice) = Classify(exception);
        return Create(exception, id, category, target, advice);
    }

    public static ErrorRecord Create(Exception exception, string errorId, ErrorCategory category, object? target, string? recommendedAction = null)
    {
        var record = new ErrorRecord(exception, errorId, category, target);
        if (recommendedAction is not null)
        {
            record.ErrorDetails = new ErrorDetails(exception.Message) { RecommendedAction = recommendedAction };
        }

        return record;
    }

    private static (string Id, ErrorCategory Category, string? Advice) Classify(Exception exception) => exception switch
    {
        AutotaskAuthenticationException => (ErrorIds.AuthenticationFailed, ErrorCategory.AuthenticationError,
            "Check the API user name, its secret and the API integration code (Admin > Resources > the API user > Security). The user needs the API User (API-only) security level."),
        AutotaskThrottledException => (ErrorIds.AutotaskThrottled, ErrorCategory.LimitsExceeded,
            "Autotask is limiting this database's API use. Wait a few minutes and run the command again; Get-AtBillingConnection shows this hour's usage."),
        AutotaskBudgetExhaustedException => (ErrorIds.RequestBudgetExhausted, ErrorCategory.LimitsExceeded,
            "The run stopped before exceeding its API request budget. Run it again later; completed work is not repeated."),
        AutotaskOutcomeUnknownException => (ErrorIds.WriteOutcomeUnknown, ErrorCategory.OperationTimeout,
            "Autotask may still save this write. Check the record in Autotask before repeating it; a Sync-AtContract re-run looks for it before creating anything."),
        AutotaskNotFoundException => (ErrorIds.AutotaskRequestFailed, ErrorCategory.ObjectNotFound, null),
        AutotaskApiException { StatusCode: null } => (ErrorIds.AutotaskUnreachable, ErrorCategory.ConnectionError,
            "Autotask could not be reached. Check the network and the zone URI, then run the command again."),
        AutotaskApiException { StatusCode: >= 500, Errors.Count: 0 } => (ErrorIds.AutotaskRequestFailed, ErrorCategory.ConnectionError, null),
        AutotaskApiException => (ErrorIds.AutotaskRequestFailed, ErrorCategory.InvalidData, null),
        SyncInProgressException => (ErrorIds.SyncInProgress, ErrorCategory.ResourceBusy,
            "Another Sync-AtContract of this Autotask database is running. Let it finish, then run again (a longer -LockWaitSeconds waits for it)."),
        MappingStoreInUseException => (ErrorIds.MappingStoreInUse, ErrorCategory.ResourceBusy,
            "Another run is using the mapping store. Wait for it to finish, or point -StatePath elsewhere."),
        MappingValidationException or MappingStoreConflictException => (ErrorIds.MappingStoreInvalid, ErrorCategory.InvalidData,
            "Correct the mapping file at the places named, or restore its .bak copy."),
        BillingFormatException or BillingProfileException => (ErrorIds.BillingFileInvalid, ErrorCategory.InvalidData, null),
        ReportFileExistsException => (ErrorIds.ReportFileExists, ErrorCategory.ResourceExists, "Pass -Force to replace the file, or choose another -Path."),
        ReportInputException => (ErrorIds.ReportInputInvalid, ErrorCategory.InvalidData, null),
        Crm.CustomerInputException => (ErrorIds.CustomerInputInvalid, ErrorCategory.InvalidData, null),
        NotificationDeliveryException => (ErrorIds.NotificationFailed, ErrorCategory.ConnectionError, null),
        HttpRequestException => (ErrorIds.AutotaskUnreachable, ErrorCategory.ConnectionError, null),
        FileNotFoundException or DirectoryNotFoundException => (ErrorIds.PathNotFound, ErrorCategory.ObjectNotFound, null),
        IOException or UnauthorizedAccessException => (ErrorIds.FileAccessFailed, ErrorCategory.WriteError, null),
        OperationCanceledException => (ErrorIds.OperationStopped, ErrorCategory.OperationStopped, null),
        ArgumentException => (ErrorIds.InvalidArgument, ErrorCategory.InvalidArgument, null),
        _ => (ErrorIds.UnexpectedFailure, ErrorCategory.InvalidOperation, null),
    };
}
