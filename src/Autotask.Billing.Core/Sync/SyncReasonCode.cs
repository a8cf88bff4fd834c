namespace Autotask.Billing;

/// <summary>Why an operation ended as it did, in a form scripts can match on; the text is in SyncResult.Reason.</summary>
public enum SyncReasonCode
{
    /// <summary>Applied as planned.</summary>
    None,

    /// <summary>Autotask already shows the target (an earlier run, or someone else, did it): nothing to write.</summary>
    AlreadyInStep,

    /// <summary>A change above the quantity threshold, or a drop to zero, and -Force was not given.</summary>
    NeedsForce,

    /// <summary>Autotask no longer shows what the compare saw (units, price or cost): compare again.</summary>
    ChangedSinceCompare,

    /// <summary>The user declined it at the confirmation prompt (or a prerequisite was declined).</summary>
    Declined,

    /// <summary>A prerequisite failed, so this was not attempted.</summary>
    PrerequisiteFailed,

    /// <summary>It would leave fewer than zero units.</summary>
    BelowZero,

    /// <summary>The difference lacks data the write needs (a phone number, a billing code, ...).</summary>
    IncompleteData,

    /// <summary>Autotask refused the write or could not be reached.</summary>
    AutotaskError,

    /// <summary>The run was cancelled before it was sent.</summary>
    Cancelled,

    /// <summary>The API request budget ran out before it was sent.</summary>
    BudgetExhausted,

    /// <summary>Autotask accepted the write but does not bill it from the effective date (status NotApplied).</summary>
    IgnoredByAutotask,
    /// <summary>The write's outcome is unknown and lookups did not find it (or a prerequisite's): see SyncStatus.Unconfirmed.</summary>
    OutcomeUnknown,
}
