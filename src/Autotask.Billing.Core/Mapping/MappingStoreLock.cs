namespace Autotask.Billing.Mapping;

/// <summary>
/// Keeps a second run from writing the same mapping store. The lock is a file opened without sharing, so the
/// operating system releases it when the holder exits or crashes: a lock left by a dead process is never in the way.
/// The lock file itself is kept, because deleting it would let two runs lock two different files of the same name.
/// </summary>
public sealed class MappingStoreLock : IDisposable
{
    public const string LockSuffix = ".lock";
    internal const string OwnerSuffix = ".lock.owner";

    private FileStream? lockStream;

    private MappingStoreLock(string storePath, FileStream lockStream)
    {
        StorePath = storePath;
        this.lockStream = lockStream;
    }

    public string StorePath { get; }

    public string LockPath => StorePath + LockSuffix;

    /// <summary>How long a mapping edit waits for another run's save before it gives up.</summary>
    public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Takes the lock for the store at <paramref name="storePath"/>, waiting up to <see cref="DefaultWait"/> for a run
    /// that holds it (saves take milliseconds), or throws <see cref="MappingStoreInUseException"/>.
    /// </summary>
    public static MappingStoreLock Acquire(string storePath) => Acquire(storePath, DefaultWait);

    public static MappingStoreLock Acquire(string storePath, TimeSpan wait)
    {
        var fullPath = Path.GetFullPath(storePath);
        StateFolder.Ensure(Path.GetDirectoryName(fullPath)!);
        var started = DateTime.UtcNow;
        var poll = 10;
        FileStream? stream;
        while (!ExclusiveFile.TryOpen(fullPath + LockSuffix, out stream, out var refusal))
        {
            var remaining = wait - (DateTime.UtcNow - started);
            if (remaining <= TimeSpan.Zero)
            {
                throw new MappingStoreInUseException(fullPath, MappingStoreLockOwner.TryRead(fullPath + OwnerSuffix), refusal!);
            }

            Thread.Sleep((int)Math.Min(poll, Math.Ceiling(remaining.TotalMilliseconds)));
            poll = Math.Min(poll * 2, 200);
        }

        try
        {
            MappingStoreLockOwner.Current().Write(fullPath + OwnerSuffix);
        }
        catch
        {
            stream!.Dispose();
            throw;
        }

        return new MappingStoreLock(fullPath, stream!);
    }

    public void Dispose()
    {
        var stream = Interlocked.Exchange(ref lockStream, null);
        if (stream is null)
        {
            return;
        }

        try
        {
            File.Delete(StorePath + OwnerSuffix);
        }
        catch (IOException)
        {
            // The owner record is advisory; a leftover one is overwritten by the next holder.
        }
        finally
        {
            stream.Dispose();
        }
    }
}
