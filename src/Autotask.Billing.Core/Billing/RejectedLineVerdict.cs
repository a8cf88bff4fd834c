namespace Autotask.Billing;

/// <summary>What <see cref="RejectedLinePolicy"/> allows of a set of billing files.</summary>
public sealed class RejectedLineVerdict
{
    // Asked once per line and per difference: a set, not a scan of the list.
    private readonly HashSet<string> _heldBack;

    // Whether -AcceptPartialFile could let a refused file through: not for a file without lines or unread as a whole.
    private readonly bool _partialFileMayHelp;

    internal RejectedLineVerdict(IReadOnlyList<string> refusedFiles, IReadOnlyList<string> heldBackCustomers, bool partialFileMayHelp)
    {
        RefusedFiles = refusedFiles;
        HeldBackCustomers = heldBackCustomers;
        _heldBack = new HashSet<string>(heldBackCustomers, CustomerIds);
        _partialFileMayHelp = partialFileMayHelp;
    }

    /// <summary>
    /// How a held-back customer id is told apart, in one place: the verdict, the policy that gathers the ids and the
    /// comparer's tally of differences all match whole ids with it (never pieces of joined text).
    /// </summary>
    internal static StringComparer CustomerIds => StringComparer.OrdinalIgnoreCase;

    /// <summary>Files that must not be compared or synced, each with why.</summary>
    public IReadOnlyList<string> RefusedFiles { get; }

    /// <summary>Vendor customer ids named by a rejected line of an accepted partial file: nothing of theirs is written.</summary>
    public IReadOnlyList<string> HeldBackCustomers { get; }

    public bool IsRefused => RefusedFiles.Count > 0;

    public bool HoldsBack(string? customerId) =>
        customerId is not null && _heldBack.Contains(customerId);

    /// <summary>
    /// The refusal, to be shown to a person: each refused file with why, and what to do; <paramref name="outcome"/>
    /// says what was not done. It is the one report of a file refused whole (empty or unreadable).
    /// </summary>
    public string Describe(string outcome = "Nothing was compared") =>
        outcome + ": " + string.Join("; ", RefusedFiles) + ". A billing file that was not read whole is not compared or synced "
        + "(its missing lines would look like removals or wrong quantities). "
        + (_partialFileMayHelp
            ? "Correct and re-export the file, or pass -AcceptPartialFile to use the rest of it (every customer named by a rejected line is then held back)."
            : "Correct the file or export it again.");
}
