namespace Autotask.Billing.Reconciliation;

/// <summary>
/// The one owner of how a force reason reads: "Needs -Force: why." Compare writes it, Sync takes the bare why back
/// out for its own sentence and writes a skipped change's reason in its lower-case clause style ("needs -Force: why"),
/// and the report adds it to a reason that does not say it yet.
/// </summary>
internal static class ForceReasonText
{
    private const string Prefix = "Needs -Force:";

    /// <summary>"Needs -Force: why." from a bare why (one full stop at the end, whether or not the why had one).</summary>
    public static string Format(string why) => $"{Prefix} {Why(why)}.";

    /// <summary>The bare why of a force reason, with or without the prefix and the full stop; null or blank stays null.</summary>
    public static string? Why(string? reason)
    {
        var text = reason?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (HasPrefix(text))
        {
            text = text!.Substring(Prefix.Length).Trim();
        }

        return text!.TrimEnd('.').TrimEnd();
    }

    /// <summary>Why Sync skipped a change, in its clause style: "needs -Force: why".</summary>
    public static string Skipped(string? why) => $"needs -Force: {Why(why)}";

    /// <summary>The reason as a force reason: unchanged when it already starts "Needs -Force:", formatted when it is a bare why.</summary>
    public static string? Normalize(string? reason) => Why(reason) is { } why ? Format(why) : null;

    private static bool HasPrefix(string? text) => text is not null && text.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);
}
