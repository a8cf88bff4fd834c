using Autotask.Billing.Mapping;

namespace Autotask.Billing.Sync;

/// <summary>
/// One writer per Autotask database: a sync or a push holds this lock for its whole run (plan, writes, mapping update). It is a
/// file beside the database's mapping store (&lt;store&gt;.sync.lock) opened without sharing, so it excludes every
/// process on the machine that uses the same state folder, and the operating system releases it when the holder
/// exits or crashes. The store is one file per database (keyed by the database, not the zone host), so the lock is
/// too. Runs with different state folders (-StatePath, AUTOTASK_BILLING_HOME) do not see each other's lock; a writer
/// on another machine is kept from duplicating by the lookup made right before each create.
/// </summary>
public sealed class SyncLock : IDisposable
{
    public const string LockSuffix = ".sync.lock";
    private const string OwnerSuffix = ".sync.lock.owner";

    /// <summary>How long a second run waits for the first by default before it stops with SyncInProgress.</summary>
    public static readonly TimeSpan DefaultWait = TimeSpan.FromMinutes(2);

    private static readonly TimeSpan LongestPoll = TimeSpan.FromMilliseconds(500);

    private FileStream? _stream;

    private SyncLock(string storePath, FileStream stream)
    {
        StorePath = storePath;
        _stream = stream;
    }

    public string StorePath { get; }

    public string LockPath => StorePath + LockSuffix;

    /// <summary>
    /// Takes the lock of the database whose mapping store is <paramref name="storePath"/>, waiting up to
    /// <paramref name="wait"/> for a run that holds it; then throws <see cref="SyncInProgressException"/> naming the holder.
    /// </summary>
    public static async Task<SyncLock> AcquireAsync(string storePath, TimeSpan wait, CancellationToken cancellationToken = default)
    {
        if (storePath is null)
        {
            throw new ArgumentNullException(nameof(storePath));
        }

        var fullPath = Path.GetFullPath(storePath);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        var started = DateTime.UtcNow;
        var poll = TimeSpan.FromMilliseconds(25);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (ExclusiveFile.TryOpen(fullPath + LockSuffix, out var stream, out var refusal))
            {
                try
                {
                    MappingStoreLockOwner.Current().Write(fullPath + OwnerSuffix);
                }
                catch
                {
                    stream!.Dispose();
                    throw;
                }

                return new SyncLock(fullPath, stream!);
            }

            var remaining = wait - (DateTime.UtcNow - started);
            if (remaining <= TimeSpan.Zero)
            {
                throw new SyncInProgressException(fullPath, MappingStoreLockOwner.TryRead(fullPath + OwnerSuffix), wait, refusal!);
            }

            await Task.Delay(poll < remaining ? poll : remaining, cancellationToken).ConfigureAwait(false);
            poll = poll + poll < LongestPoll ? poll + poll : LongestPoll;
        }
    }

    public void Dispose()
    {
        var stream = Interlocked.Exchange(ref _stream, null);
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
            // Advisory; the next holder overwrites it.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
        finally
        {
            stream.Dispose();
        }
    }
}
