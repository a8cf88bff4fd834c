using System.Collections;

namespace Autotask.Billing.Buffering;

/// <summary>
/// Billing lines held compactly while a run needs all of them (a file until it is judged, a compare until it
/// summarises): about a sixth of the memory of the <see cref="Transaction"/> objects (issue 15). Each line is
/// written as a record when added and read back as a new, equal Transaction when asked for, so what is held lives
/// in a few large arrays the garbage collector never has to trace, and the lines handed out die young. Beyond the
/// first few megabytes, full chunks go to a temporary file (<see cref="SpillFile"/>), so memory does not grow with the
/// file; where no such file can be written, they stay in memory. Dispose (or clear) the buffer to let the file go.
/// </summary>
public sealed class TransactionBuffer : IReadOnlyList<Transaction>, IDisposable
{
    // Records never span chunks; a record larger than a chunk gets a chunk of its own.
    private const int ChunkSize = 1 << 16;

    // 2 MB of lines (10,000 or more) stay in memory: a small run never touches the disk.
    private const int DefaultChunksInMemory = 32;

    private static readonly ChunkDecoder<Transaction> ReadLine = static (ref CompactReader reader, StringTable strings) => TransactionCodec.Read(ref reader, strings);
    private static readonly ChunkDecoder<string> ReadSubscriptionId = static (ref CompactReader reader, StringTable strings) => TransactionCodec.ReadSubscriptionId(ref reader, strings);

    private readonly CompactWriter _writer = new();
    private readonly List<byte[]?> _chunks = new();
    private readonly StringTable _strings = new();
    private readonly int _chunksInMemory;
    private readonly string? _spillFolder;

    // Per record: chunk number in the high 32 bits, offset in the low 32.
    private RecordIndex _records = new();
    private int _used = ChunkSize;

    // Chunks numbered below this were handed out by Drain and let go.
    private int _drained;

    // Chunk number of the spill file's first chunk (the chunks after it follow in order); set once spilling starts.
    private SpillFile? _spill;
    private int _firstSpilled = -1;
    private bool _cannotSpill;

    public TransactionBuffer()
        : this(DefaultChunksInMemory)
    {
    }

    /// <summary>
    /// A buffer that keeps <paramref name="chunksInMemory"/> chunks of 64 KB in memory before it spills into
    /// <paramref name="spillFolder"/> (default: the temporary folder); tests use small numbers and folders of their own.
    /// </summary>
    internal TransactionBuffer(int chunksInMemory, string? spillFolder = null)
    {
        _chunksInMemory = chunksInMemory;
        _spillFolder = spillFolder;
    }

    /// <summary>How many chunks of lines are in the temporary file rather than in memory.</summary>
    internal int SpilledChunks => _spill?.Count ?? 0;

    public int Count => _records.Count;

    /// <summary>Changes when the buffer is cleared (or drained), so a line's position read earlier can tell it no longer names that line.</summary>
    internal int Generation { get; private set; }

    /// <summary>The line added <paramref name="index"/>th, as a new Transaction equal to it in every property.</summary>
    public Transaction this[int index]
    {
        get
        {
            return Decode(index, ReadLine);
        }
    }

    /// <summary>The SubscriptionId of the line added <paramref name="index"/>th, read alone.</summary>
    internal string SubscriptionIdAt(int index)
    {
        return Decode(index, ReadSubscriptionId);
    }

    public void Add(Transaction line)
    {
        if (line is null)
        {
            throw new ArgumentNullException(nameof(line));
        }

        _writer.Reset();
        TransactionCodec.Write(_writer, _strings, line);
        var length = _writer.Length;
        if (_used + length > ChunkSize)
        {
            // A chunk written to the temporary file lends its array to the next: a month's file then fills the same
            // few arrays instead of one new 64 KB array per chunk, each living long enough to reach the oldest generation.
            var spilled = _chunks.Count > 0 ? Spill(_chunks.Count - 1) : null;
            _chunks.Add(spilled is not null && spilled.Length >= length ? spilled : new byte[Math.Max(ChunkSize, length)]);
            _used = 0;
        }

        Buffer.BlockCopy(_writer.Bytes, 0, _chunks[_chunks.Count - 1]!, _used, length);
        _records.Add(((long)(_chunks.Count - 1) << 32) | (uint)_used);
        _used += length;
    }

    /// <summary>Forgets every line and gives back the memory and the temporary file.</summary>
    public void Clear()
    {
        Generation++;
        _chunks.Clear();
        _chunks.TrimExcess();
        _records = new RecordIndex();
        _strings.Clear();
        _used = ChunkSize;
        _drained = 0;
        _spill?.Dispose();
        _spill = null;
        _firstSpilled = -1;

        // A failure to spill is the disk's state at the time: the next lines may try again.
        _cannotSpill = false;
    }

    /// <summary>Lets the temporary file go (as <see cref="Clear"/> does).</summary>
    public void Dispose() => Clear();

    /// <summary>Every line in the order added, each chunk released once read past; the buffer is empty afterwards.</summary>
    public IEnumerable<Transaction> Drain()
    {
        try
        {
            var count = _records.Count;
            for (var i = 0; i < count; i++)
            {
                var line = this[i];
                if (i + 1 < count && _records[i + 1] >> 32 != _records[i] >> 32)
                {
                    var chunk = (int)(_records[i] >> 32);
                    _chunks[chunk] = null;
                    _drained = chunk + 1;
                }

                yield return line;
            }
        }
        finally
        {
            Clear();
        }
    }

    public IEnumerator<Transaction> GetEnumerator()
    {
        for (var i = 0; i < _records.Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private T Decode<T>(int index, ChunkDecoder<T> decode)
    {
        var record = _records[index];
        var number = (int)(record >> 32);
        if (number < _drained)
        {
            throw new InvalidOperationException("This part of the buffer was already drained.");
        }

        if (_chunks[number] is { } chunk)
        {
            var reader = new CompactReader(chunk, (int)record);
            return decode(ref reader, _strings);
        }

        return _spill!.Decode(number - _firstSpilled, (int)record, decode, _strings);
    }

    /// <summary>
    /// Moves full chunk <paramref name="number"/> to the temporary file, once the buffer holds more than it keeps in
    /// memory, and returns its array, free for another chunk; null when the chunk stays in memory.
    /// </summary>
    private byte[]? Spill(int number)
    {
        if (number < _chunksInMemory || _cannotSpill)
        {
            return null;
        }

        _spill ??= SpillFile.TryCreate(_spillFolder ?? Path.GetTempPath());
        if (_spill is null)
        {
            _cannotSpill = true;
            return null;
        }

        try
        {
            var chunk = _chunks[number]!;
            var spilled = _spill.Append(chunk, _used);
            if (_firstSpilled < 0)
            {
                _firstSpilled = number - spilled;
            }

            _chunks[number] = null;
            return chunk;
        }
        catch (IOException)
        {
            // A full or failing disk: this chunk and the rest stay in memory, the ones spilled already stay readable.
            _cannotSpill = true;
            return null;
        }
    }
}
