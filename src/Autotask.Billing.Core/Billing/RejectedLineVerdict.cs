namespace Autotask.Billing;

/// <summary>What <see cref="RejectedLinePolicy"/> allows of a set of billing files.</summary>
public sealed class RejectedLineVerdict
{
    // Asked once per line and per difference: a set, not a scan of the list.
    private readonly HashSet<string> _heldBack;

    internal RejectedLineVerdict(IReadOnlyList<string> refusedFiles, IReadOnlyList<string> heldBackCustomers)
    {
        RefusedFiles = refusedFiles;
        HeldBackCustomers = heldBackCustomers;
        _heldBack = new HashSet<string>(heldBackCustomers, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Files that must not be compared or synced, each with why.</summary>
    public IReadOnlyList<string> RefusedFiles { get; }

    /// <summary>Vendor customer ids named by a rejected line of an accepted partial file: nothing of theirs is written.</summary>
    public IReadOnlyList<string> HeldBackCustomers { get; }

    public bool IsRefused => RefusedFiles.Count > 0;

    public bool HoldsBack(string? customerId) =>
        customerId is not null && _heldBack.Contains(customerId);

    /// <summary>The refusal, to be shown to a person; <paramref name="outcome"/> says what was not done.</summary>
    public string Describe(string outcome = "Nothing was compared") =>
        outcome + ": billing lines could not be read, and a file with unread lines is not synced " +
        "(its missing lines would look like removals or wrong quantities). " + string.Join("; ", RefusedFiles) +
        ". Correct and re-export the file, or pass -AcceptPartialFile to use the rest of it (every customer named by a rejected line is then held back).";
}
