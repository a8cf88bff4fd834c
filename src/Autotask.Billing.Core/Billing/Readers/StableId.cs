namespace Autotask.Billing.Readers;

/// <summary>
/// A deterministic id from the values that identify a vendor event, for sources that give no line id: the same
/// event read again (billed or unbilled file, re-export) gets the same id, so it is never charged twice.
/// </summary>
internal static class StableId
{
    // One builder per thread: its buffers (and, before .NET 5, its hash object) serve every line (issue 15).
    [ThreadStatic]
    private static StableIdBuilder? _builder;

    /// <summary>This thread's builder, emptied: add the parts in order, then <see cref="StableIdBuilder.ToId"/>.</summary>
    public static StableIdBuilder Builder() => (_builder ??= new StableIdBuilder()).Clear();

    public static string From(string prefix, params string?[] parts)
    {
        var builder = Builder();
        foreach (var part in parts)
        {
            builder.Add(part);
        }

        return builder.ToId(prefix);
    }
}
