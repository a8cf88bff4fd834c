using System.Collections;
using Autotask.Billing.Infrastructure;
using Autotask.Billing.Mapping;

namespace Autotask.Billing.Completers;

/// <summary>
/// What the mapping completers draw from: the store the command would use (its -StatePath, else the connected
/// database's) read without locking, and the session's company-name cache. Any failure completes nothing.
/// </summary>
internal static class MappingCompletion
{
    public static MappingDocument? ReadDocument(IDictionary fakeBoundParameters)
    {
        try
        {
            var path = StorePath(fakeBoundParameters["StatePath"] as string);
            return path is null || !File.Exists(path) ? null : MappingStore.Read(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or MappingValidationException or ArgumentException or InvalidOperationException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>The -Source already typed, to narrow the candidates.</summary>
    public static string? Source(IDictionary fakeBoundParameters) => fakeBoundParameters["Source"] as string;

    public static bool SameSource(string? wanted, string source) =>
        string.IsNullOrWhiteSpace(wanted) || string.Equals(wanted!.Trim(), source, StringComparison.OrdinalIgnoreCase);

    private static string? StorePath(string? statePath)
    {
        if (statePath is not null && string.Equals(Path.GetExtension(statePath), ".json", StringComparison.OrdinalIgnoreCase))
        {
            return Path.GetFullPath(statePath);
        }

        var connection = AtBillingSession.Current;
        return connection is null
            ? null
            : MappingStoreLocation.Resolve(statePath, connection.DatabaseKey);
    }
}
