using System.Collections.Concurrent;

namespace Autotask.Billing.Autotask.Transport;

/// <summary>
/// The process-wide memory of which zone hosts which API user's database, so that every connection after the
/// first skips discovery. Keyed by discovery root and user name.
/// </summary>
internal static class ZoneDirectory
{
    private static readonly ConcurrentDictionary<string, ZoneInformation> Zones = new(StringComparer.OrdinalIgnoreCase);

    public static bool TryGet(Uri discoveryRoot, string userName, out ZoneInformation zone) =>
        Zones.TryGetValue(Key(discoveryRoot, userName), out zone!);

    public static void Remember(Uri discoveryRoot, string userName, ZoneInformation zone) =>
        Zones[Key(discoveryRoot, userName)] = zone;

    public static void Forget(Uri discoveryRoot, string userName) =>
        Zones.TryRemove(Key(discoveryRoot, userName), out _);

    private static string Key(Uri discoveryRoot, string userName) => discoveryRoot.AbsoluteUri + "|" + userName;
}
