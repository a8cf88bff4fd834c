using System.Collections;

namespace Autotask.Billing.Buffering;

/// <summary>
/// Billing lines held compactly while a run needs all of them (a file until it is judged, a compare until it
/// summarises): about a sixth of the memory of the <see cref="Transaction"/> objects (issue 15). Each line is
/// written as a record when added and read back as a new, equal Transaction when asked for, so what is held lives
/// in a few large arrays the garbage collector never has to trace, and the lines handed out die young.
/// </summary>
public sealed class TransactionBuffer : IReadOnlyList<Transaction>
{
    // Records never span chunks; a record larger than a chunk gets a chunk of its own.
    private const int ChunkSize = 1 << 16;

    private readonly CompactWriter _writer = new();
    private readonly List<byte[]?> _chunks = new();
    private readonly StringTable _strings = new();

    // Per record: chunk number in the high 32 bits, offset in the low 32.
    private List<long> _records = new();
    private int _used = ChunkSize;

    public int Count => _records.Count;

    /// <summary>Changes when the buffer is cleared (or drained), so a line's position read earlier can tell it no longer names that line.</summary>
    internal int Generation { get; private set; }

    /// <summary>The line added <paramref name="index"/>th, as a new Transaction equal to it in every property.</summary>
    public Transaction this[int index]
    {
        get
        {
            var reader = ReaderAt(index);
            return TransactionCodec.Read(ref reader, _strings);
        }
    }

    /// <summary>The SubscriptionId of the line added <paramref name="index"/>th, read alone.</summary>
    internal string SubscriptionIdAt(int index)
    {
        var reader = ReaderAt(index);
        return TransactionCodec.ReadSubscriptionId(ref reader, _strings);
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
            _chunks.Add(new byte[Math.Max(ChunkSize, length)]);
            _used = 0;
        }

        Buffer.BlockCopy(_writer.Bytes, 0, _chunks[_chunks.Count - 1]!, _used, length);
        _records.Add(((long)(_chunks.Count - 1) << 32) | (uint)_used);
        _used += length;
    }

    /// <summary>Forgets every line and gives back the memory.</summary>
    public void Clear()
    {
        Generation++;
        _chunks.Clear();
        _chunks.TrimExcess();
        _records = new List<long>();
        _strings.Clear();
        _used = ChunkSize;
    }

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
                    _chunks[(int)(_records[i] >> 32)] = null;
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

    private CompactReader ReaderAt(int index)
    {
        var record = _records[index];
        var chunk = _chunks[(int)(record >> 32)] ?? throw new InvalidOperationException("This part of the buffer was already drained.");
        return new CompactReader(chunk, (int)record);
    }
}
