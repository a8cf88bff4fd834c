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

    /// <summary>Takes the lock for the store at <paramref name="storePath"/> or throws <see cref="MappingStoreInUseException"/>.</summary>
    public static MappingStoreLock Acquire(string storePath)
    {
        var fullPath = Path.GetFullPath(storePath);
        StateFolder.Ensure(Path.GetDirectoryName(fullPath)!);
        FileStream stream;
        try
        {
            stream = new FileStream(fullPath + LockSuffix, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1);
        }
        catch (IOException e) when (e is not (DirectoryNotFoundException or FileNotFoundException or PathTooLongException))
        {
            throw new MappingStoreInUseException(fullPath, MappingStoreLockOwner.TryRead(fullPath + OwnerSuffix), e);
        }

        try
        {
            MappingStoreLockOwner.Current().Write(fullPath + OwnerSuffix);
        }
        catch
        {
            stream.Dispose();
            throw;
        }

        return new MappingStoreLock(fullPath, stream);
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
