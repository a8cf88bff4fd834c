namespace Autotask.Billing.Tabular;

/// <summary>
/// A text reader that notes when its text has been read to the end, and whether any of it was a NUL character. The
/// CSV parser reads ahead of the record it returns, so until the end was read, that record ended at a line break (a
/// record ends at one or at the end of the text), and until a NUL was read, none of its fields holds one: the record's
/// raw text and every one of its fields need not be made to find out (issue 15).
/// </summary>
internal sealed class WatchingReader : TextReader
{
    private readonly TextReader _inner;

    public WatchingReader(TextReader inner)
    {
        _inner = inner;
    }

    public bool ReachedEnd { get; private set; }

    public bool SawNul { get; private set; }

    public override int Peek() => Watch(_inner.Peek());

    public override int Read() => Watch(_inner.Read());

    public override int Read(char[] buffer, int index, int count) => Watch(buffer, index, _inner.Read(buffer, index, count), count);

    public override int ReadBlock(char[] buffer, int index, int count) => Watch(buffer, index, _inner.ReadBlock(buffer, index, count), count);

#if NET
    public override int Read(Span<char> buffer)
    {
        var read = _inner.Read(buffer);
        SawNul |= read > 0 && buffer.Slice(0, read).IndexOf('\0') >= 0;
        ReachedEnd |= read == 0 && buffer.Length > 0;
        return read;
    }
#endif

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Watch(int next)
    {
        ReachedEnd |= next < 0;
        SawNul |= next == 0;
        return next;
    }

    private int Watch(char[] buffer, int index, int read, int asked)
    {
        ReachedEnd |= read == 0 && asked > 0;
        SawNul |= read > 0 && Array.IndexOf(buffer, '\0', index, read) >= 0;
        return read;
    }
}
