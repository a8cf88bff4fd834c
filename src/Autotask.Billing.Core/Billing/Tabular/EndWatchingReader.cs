namespace Autotask.Billing.Tabular;

/// <summary>
/// A text reader that notes when its text has been read to the end. Until then, the CSV parser ended every record it
/// returned at a line break (a record ends at one or at the end of the text), so the record's raw text need not be
/// made to find out: that string was the largest allocation of a Partner Center line (issue 15).
/// </summary>
internal sealed class EndWatchingReader : TextReader
{
    private readonly TextReader _inner;

    public EndWatchingReader(TextReader inner)
    {
        _inner = inner;
    }

    public bool ReachedEnd { get; private set; }

    public override int Peek() => Watch(_inner.Peek());

    public override int Read() => Watch(_inner.Read());

    public override int Read(char[] buffer, int index, int count) => Watch(_inner.Read(buffer, index, count), count);

    public override int ReadBlock(char[] buffer, int index, int count) => Watch(_inner.ReadBlock(buffer, index, count), count);

#if NET
    public override int Read(Span<char> buffer) => Watch(_inner.Read(buffer), buffer.Length);
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
        return next;
    }

    private int Watch(int read, int asked)
    {
        ReachedEnd |= read == 0 && asked > 0;
        return read;
    }
}
