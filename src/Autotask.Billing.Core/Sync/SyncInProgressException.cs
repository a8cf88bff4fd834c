using System.Globalization;
using Autotask.Billing.Mapping;

namespace Autotask.Billing.Sync;

/// <summary>Another sync of the same database held its lock for longer than this run was willing to wait; nothing was read or written.</summary>
public sealed class SyncInProgressException : IOException
{
    internal SyncInProgressException(string storePath, MappingStoreLockOwner? owner, TimeSpan waited, Exception innerException)
        : base(Describe(storePath, owner, waited), innerException)
    {
        StorePath = storePath;
        Waited = waited;
        OwnerProcessId = owner?.ProcessId;
        OwnerProcessName = owner?.ProcessName;
        OwnerMachineName = owner?.MachineName;
        OwnerSinceUtc = owner?.SinceUtc;
    }

    /// <summary>The mapping store of the database; the lock is this path + <see cref="SyncLock.LockSuffix"/>.</summary>
    public string StorePath { get; }

    public TimeSpan Waited { get; }

    public int? OwnerProcessId { get; }

    public string? OwnerProcessName { get; }

    public string? OwnerMachineName { get; }

    public DateTime? OwnerSinceUtc { get; }

    private static string Describe(string storePath, MappingStoreLockOwner? owner, TimeSpan waited)
    {
        var seconds = waited.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
        var holder = owner is null
            ? "another run"
            : $"pid {owner.ProcessId} ({owner.ProcessName}) on {owner.MachineName}, running since {owner.SinceUtc.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)}";
        return $"Another sync of this Autotask database is in progress ({holder}); waited {seconds} s for it. Nothing was written. " +
               $"Run again when it has finished (its lock: {storePath}{SyncLock.LockSuffix}).";
    }
}
