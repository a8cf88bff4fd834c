namespace Autotask.Billing;

/// <summary>What became of one planned operation.</summary>
public enum SyncStatus
{
    /// <summary>Written to Autotask.</summary>
    Applied,

    /// <summary>Deliberately not written; <see cref="SyncResult.ReasonCode"/> says why.</summary>
    Skipped,

    /// <summary>Autotask refused it, or it could not be attempted because its data is incomplete.</summary>
    Failed,

    /// <summary>The run stopped (cancelled, or the API budget ran out) before it was sent; a re-run picks it up.</summary>
    NotRun,

    /// <summary>
    /// Sent, but Autotask's answer was lost (no answer in time, a dropped connection, a gateway error) and lookups did
    /// not find the record within the confirm window. It was not sent again; it may still appear. The next run looks
    /// for it first and creates it only if it is still missing.
    /// </summary>
    Unconfirmed,
}
