#if !NET8_0_OR_GREATER
using System.Runtime.InteropServices;
#endif

namespace Autotask.Billing.Buffering;

/// <summary>
/// The full chunks of a large <see cref="TransactionBuffer"/>, written to a temporary file (TEMP, TMPDIR) and read back
/// through a few cached chunks, so a month's lines cost disk rather than memory (issue 15). On Linux and macOS the
/// file is created for its user alone (0600) and its name removed at once, so no other process can open it and
/// nothing is left behind, even by a process that dies; on Windows it is opened unshared, in the user's own TEMP,
/// and deleted when its handle closes (also on a crash). It holds what the vendor's export holds (customer names,
/// addresses, prices), never a secret. Where the temporary folder is in memory (tmpfs), the lines cost memory there.
/// </summary>
internal sealed class SpillFile : IDisposable
{
    // Enough for a group whose lines lie in many chunks (a month sent as several files) to be read without rereading
    // them, few enough to stay small (32 × 64 KB).
    private const int CachedChunks = 32;

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

    /// <summary>
    /// Decodes with <paramref name="decode"/> from chunk <paramref name="number"/> at <paramref name="offset"/>. The
    /// chunk is read into a cache slot's own array, reused when another chunk takes the slot: reading a month's lines
    /// back (a whole file's worth as they are emitted) allocates nothing per chunk, where a new array per chunk lived
    /// long enough in the cache to reach the oldest generation. So the decode runs under the file's lock: no reader
    /// ever sees a slot's array refilled under it.
    /// </summary>
    public T Decode<T>(int number, int offset, ChunkDecoder<T> decode, StringTable strings)
    {
        lock (_gate)
        {
            var slot = number % CachedChunks;
            var cached = _cache[slot] ??= new Cached();
            if (cached.Number != number)
            {
                Load(number, cached);
            }

            var reader = new CompactReader(cached.Bytes, offset);
            return decode(ref reader, strings);
        }
    }

    public void Dispose()
    {
        // Not while another thread reads a chunk from it.
        lock (_gate)
        {
            _file.Dispose();
        }
    }

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
        // The module loads this build in Windows PowerShell only, where Windows deletes the file when its handle closes,
        // also on a crash. Elsewhere it could not make the file its user's alone: the lines stay in memory there.
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            throw new NotSupportedException("Spilling billing lines to disk needs .NET 8 or later outside Windows.");
        }

        return new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
#endif
    }

    private void Load(int number, Cached cached)
    {
        var (offset, length) = _places[number];
        if (cached.Bytes.Length < length)
        {
            cached.Bytes = new byte[length];
        }

        // Not a valid chunk until it is read whole.
        cached.Number = -1;
        _file.Seek(offset, SeekOrigin.Begin);
        var read = 0;
        while (read < length)
        {
            var got = _file.Read(cached.Bytes, read, length - read);
            if (got == 0)
            {
                throw new IOException("The temporary file of billing lines ended early: it was changed or cut by something else.");
            }

            read += got;
        }

        cached.Number = number;
    }

    /// <summary>A cache slot: the chunk it holds, in an array of its own.</summary>
    private sealed class Cached
    {
        public int Number { get; set; } = -1;

        public byte[] Bytes { get; set; } = Array.Empty<byte>();
    }
}
