using Autotask.Billing.Autotask;
using Autotask.Billing.Infrastructure;

namespace Autotask.Billing.Completers;

/// <summary>
/// Autotask names per database, as this session last read them: filled by the commands' own bulk reads, or once
/// per kind on first completion (one bulk read, a few seconds at most). A keystroke never calls Autotask.
/// </summary>
internal static class ConnectionNameCache
{
    private const int MaximumNames = 50_000;
    private static readonly TimeSpan FillTimeout = TimeSpan.FromSeconds(5);
    private static readonly object Gate = new();
    private static readonly Dictionary<(string Database, CachedNameKind Kind), IReadOnlyList<string>> Names = new();

    public static void Remember(ActiveConnection connection, CachedNameKind kind, IEnumerable<string?> names)
    {
        var distinct = names
            .Where(name => !string.IsNullOrWhiteSpace(name))
            .Select(name => name!)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Take(MaximumNames)
            .ToList();
        lock (Gate)
        {
            Names[(connection.DatabaseKey, kind)] = distinct;
        }
    }

    /// <summary>The cached names of a kind for the current connection, filled once by <paramref name="fill"/> when missing.</summary>
    public static IReadOnlyList<string> For(CachedNameKind kind, Func<AutotaskClient, CancellationToken, Task<IEnumerable<string?>>>? fill = null)
    {
        var connection = AtBillingSession.Current;
        if (connection is null)
        {
            return Array.Empty<string>();
        }

        lock (Gate)
        {
            if (Names.TryGetValue((connection.DatabaseKey, kind), out var cached))
            {
                return cached;
            }
        }

        if (fill is null)
        {
            return Array.Empty<string>();
        }

        try
        {
            using var timeout = new CancellationTokenSource(FillTimeout);
            var names = Task.Run(() => fill(connection.Client, timeout.Token)).GetAwaiter().GetResult();
            Remember(connection, kind, names);
            return For(kind);
        }
        catch (Exception exception) when (exception is AutotaskException or HttpRequestException or OperationCanceledException)
        {
            return Array.Empty<string>();
        }
    }
}
