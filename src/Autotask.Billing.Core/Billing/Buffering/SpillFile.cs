namespace Autotask.Billing.Buffering;

/// <summary>
/// The full chunks of a large <see cref="TransactionBuffer"/>, written to a temporary file and read back through a few
/// cached chunks, so a month's lines cost disk rather than memory (issue 15). The file has no name once open (removed
/// at once on Unix, delete-on-close on Windows), so nothing is left behind, even by a process that dies, and only
/// this process can read it (created for its user alone). It holds billing lines as the vendor's export does, never a
/// secret.
/// </summary>
internal sealed class SpillFile : IDisposable
{
    // Enough for a group's lines to be read without rereading a chunk, few enough to stay small (8 × 64 KB).
    private const int CachedChunks = 8;

    private readonly FileStream _file;
    private readonly List<(long Offset, int Length)> _places = new();
    private readonly Cached?[] _cache = new Cached?[CachedChunks];
    private readonly object _gate = new();
    private long _end;

    private SpillFile(FileStream file)
    {
        _file = file;
    }

    public int Count => _places.Count;

    /// <summary>A new, empty spill file in <paramref name="folder"/> (the temporary folder), or null when one cannot be made there (then the lines stay in memory).</summary>
    public static SpillFile? TryCreate(string folder)
    {
        try
        {
            return new SpillFile(Open(Path.Combine(folder, "Autotask.Billing-" + Guid.NewGuid().ToString("N") + ".lines")));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>Writes <paramref name="length"/> bytes of <paramref name="chunk"/> as the next chunk, and returns its number.</summary>
    /// <exception cref="IOException">The disk is full or failing: the chunk was not spilled.</exception>
    public int Append(byte[] chunk, int length)
    {
        lock (_gate)
        {
            _file.Seek(_end, SeekOrigin.Begin);
            _file.Write(chunk, 0, length);
            _file.Flush();
            _places.Add((_end, length));
            _end += length;
            return _places.Count - 1;
        }
    }

    /// <summary>The bytes of chunk <paramref name="number"/>; the array is never written to again, so a reader may keep it.</summary>
    public byte[] Read(int number)
    {
        var slot = number % CachedChunks;
        if (Volatile.Read(ref _cache[slot]) is { } cached && cached.Number == number)
        {
            return cached.Bytes;
        }

        byte[] bytes;
        lock (_gate)
        {
            var (offset, length) = _places[number];
            bytes = new byte[length];
            _file.Seek(offset, SeekOrigin.Begin);
            var read = 0;
            while (read < length)
            {
                var got = _file.Read(bytes, read, length - read);
                if (got == 0)
                {
                    throw new IOException("The temporary file of billing lines ended early: it was changed or cut by something else.");
                }

                read += got;
            }
        }

        Volatile.Write(ref _cache[slot], new Cached(number, bytes));
        return bytes;
    }

    public void Dispose() => _file.Dispose();

    private static FileStream Open(string path)
    {
#if NET8_0_OR_GREATER
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.ReadWrite,
            Share = FileShare.None,
            BufferSize = 0,
            Options = FileOptions.DeleteOnClose,
        };
        if (OperatingSystem.IsWindows())
        {
            return new FileStream(path, options);
        }

        options.Options = FileOptions.None;
        options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        var file = new FileStream(path, options);
        try
        {
            // Unix keeps an open file whose name is gone: from here on no one can open it, and it vanishes with the handle.
            File.Delete(path);
            return file;
        }
        catch
        {
            file.Dispose();
            throw;
        }
#else
        // netstandard2.0 is loaded by Windows PowerShell only: Windows deletes the file when its handle closes, also on a crash.
        return new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
#endif
    }

    /// <summary>A cached chunk and its number, swapped in whole so a reader on another thread never sees one without the other.</summary>
    private sealed class Cached
    {
        public Cached(int number, byte[] bytes)
        {
            Number = number;
            Bytes = bytes;
        }

        public int Number { get; }

        public byte[] Bytes { get; }
    }
}
