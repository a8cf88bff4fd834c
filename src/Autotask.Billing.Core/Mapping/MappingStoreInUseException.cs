using System.Globalization;

namespace Autotask.Billing.Mapping;

/// <summary>Another run holds the mapping store's lock; nothing was read or written.</summary>
public sealed class MappingStoreInUseException : IOException
{
    internal MappingStoreInUseException(string storePath, MappingStoreLockOwner? owner, Exception innerException)
        : base(Describe(storePath, owner), innerException)
    {
        StorePath = storePath;
        OwnerProcessId = owner?.ProcessId;
        OwnerMachineName = owner?.MachineName;
        OwnerSinceUtc = owner?.SinceUtc;
        OwnerIsRunning = owner?.IsRunning();
    }

    public string StorePath { get; }

    public int? OwnerProcessId { get; }

    public string? OwnerMachineName { get; }

    public DateTime? OwnerSinceUtc { get; }

    /// <summary>Whether the recorded owner process still runs; null when it is on another machine or unrecorded.</summary>
    public bool? OwnerIsRunning { get; }

    private static string Describe(string storePath, MappingStoreLockOwner? owner)
    {
        if (owner is null)
        {
            return $"The mapping store at {storePath} is in use by another run. Wait for it to finish, then try again.";
        }

        var since = owner.SinceUtc.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var who = $"pid {owner.ProcessId} ({owner.ProcessName}) on {owner.MachineName}, since {since}";
        return owner.IsRunning() == false
            ? $"The mapping store at {storePath} is in use by another run ({who}). That process no longer runs, but a process it started still holds {storePath}{MappingStoreLock.LockSuffix}; end that process and try again."
            : $"The mapping store at {storePath} is in use by another run ({who}). Wait for it to finish, then try again.";
    }
}
