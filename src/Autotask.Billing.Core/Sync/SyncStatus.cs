namespace Autotask.Billing;

/// <summary>What became of one planned operation.</summary>
public enum SyncStatus
{
    /// <summary>Written to Autotask.</summary>
    Applied,

    /// <summary>Deliberately not written (held back, declined, in step, data missing); <see cref="SyncResult.ReasonCode"/> says why.</summary>
    Skipped,

    /// <summary>Autotask refused it (or could not be reached).</summary>
    Failed,

    /// <summary>The run stopped (cancelled, or the API budget ran out) before it was sent; a re-run picks it up.</summary>
    NotRun,

    /// <summary>
    /// Written, and Autotask accepted the write, but reading back what it bills from the effective date shows it did not
    /// take effect (Autotask ignored it); <see cref="SyncResult.Reason"/> says what Autotask bills instead.
    /// </summary>
    NotApplied,

    /// <summary>
    /// Sent, but Autotask's answer was lost (no answer in time, a dropped connection, a gateway error) and lookups did
    /// not find the record within the confirm window. It was not sent again; it may still appear. The next run looks
    /// for it first and creates it only if it is still missing.
    /// </summary>
    Unconfirmed,
}
