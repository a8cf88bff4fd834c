
namespace Autotask.Billing.Tabular;

/// <summary>
/// RFC 4180 records of one delimiter from a text reader, read the way CsvHelper 33's parser reads them with the
/// settings the readers used (quote and escape '"', no trimming, blank lines kept, bad data kept as text), so that
/// every file reads to the same fields and line numbers as before (CsvTokenizerTests compares the two). It exists for
/// speed: a month's file is 200,000 lines of 47 fields, and CsvHelper's general state machine (every option checked
/// at every character) was a third of reading one (issue 15). Fields are found with vectorised searches and made into
/// strings only when asked for. The reader stays its caller's to dispose.
/// </summary>
internal sealed class CsvTokenizer
{
    private const char Quote = '"';

    private readonly TextReader _reader;
    private readonly char _delimiter;
    private char[] _buffer;
    private int _length;
    private int _position;
    private int _recordStart;
    private bool _endOfText;
    private FieldSpan[] _fields = new FieldSpan[64];

    public CsvTokenizer(TextReader reader, char delimiter, int bufferSize = 64 * 1024)
    {
        _reader = reader;
        _delimiter = delimiter;
        _buffer = new char[Math.Max(bufferSize, 16)];
    }

    /// <summary>Records read so far, the current one and blank lines included.</summary>
    public int Row { get; private set; }

    /// <summary>The physical line the current record ends on (a quoted field can hold line breaks).</summary>
    public int RawRow { get; private set; }

    /// <summary>Fields of the current record (a blank line is one empty field).</summary>
    public int Count { get; private set; }

    /// <summary>The current record's text as read, its line break included.</summary>
    public string RawRecord => new(_buffer, _recordStart, _position - _recordStart);

    /// <summary>Field <paramref name="index"/> of the current record, its enclosing quotes removed and doubled quotes made single.</summary>
    public string this[int index]
    {
        get
        {
            if (TrySpan(index, out var plain))
            {
                return plain.IsEmpty ? string.Empty : plain.ToString();
            }

            var field = _fields[index];
            var start = _recordStart + field.Start;
            return field.IsBad || field.Length == 1 || _buffer[start + field.Length - 1] != Quote
                ? Lenient(start, field.Length)
                : Unescaped(start + 1, field.Length - 2);
        }
    }

    /// <summary>
    /// Field <paramref name="index"/> as a span of the buffer, while the record is current, when it needs no quote
    /// removed from inside it (unquoted, or quoted only at its ends): a value that is pooled need not become a string
    /// of its own first. False for the rest, which the indexer reads.
    /// </summary>
    public bool TrySpan(int index, out ReadOnlySpan<char> field)
    {
        if ((uint)index >= (uint)Count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"The record has {Count} fields.");
        }

        var span = _fields[index];
        var start = _recordStart + span.Start;
        if (span.QuoteCount == 0)
        {
            field = new ReadOnlySpan<char>(_buffer, start, span.Length);
            return true;
        }

        if (span.QuoteCount == 2 && !span.IsBad && span.Length > 1 && _buffer[start + span.Length - 1] == Quote)
        {
            field = new ReadOnlySpan<char>(_buffer, start + 1, span.Length - 2);
            return true;
        }

        field = default;
        return false;
    }

    /// <summary>Every field of the current record.</summary>
    public string[] Record()
    {
        var fields = new string[Count];
        for (var i = 0; i < fields.Length; i++)
        {
            fields[i] = this[i];
        }

        return fields;
    }

    /// <summary>Moves to the next record; false at the end of the text.</summary>
    public bool Read()
    {
        _recordStart = _position;
        Count = 0;
        Row++;
        RawRow++;
        if (_position >= _length && !Fill())
        {
            return false;
        }

        while (true)
        {
            var fieldStart = _position;
            var quotes = 0;
            var bad = false;
            if (_buffer[_position] == Quote)
            {
                (quotes, bad) = ReadQuoted(ref fieldStart);
            }
            else if (!SkipTo(ref fieldStart, _delimiter, '\r', '\n'))
            {
                Add(fieldStart, quotes, bad);
                return true;
            }

            // The field ends at a delimiter, a line break or the end of the text.
            Add(fieldStart, quotes, bad);
            if (_position >= _length && !Fill())
            {
                return true;
            }

            var end = _buffer[_position++];
            if (end == _delimiter)
            {
                if (_position >= _length && !Fill())
                {
                    // "a," ends in an empty last field.
                    Add(_position, 0, false);
                    return true;
                }

                continue;
            }

            if (end == '\r' && (_position < _length || Fill()) && _buffer[_position] == '\n')
            {
                _position++;
            }

            return true;
        }
    }

    /// <summary>
    /// A field that starts with a quote: delimiters and line breaks inside the quotes belong to it. A quote after the
    /// closing one that does not follow a quote makes it bad data, read leniently (<see cref="Lenient"/>).
    /// </summary>
    private (int Quotes, bool Bad) ReadQuoted(ref int fieldStart)
    {
        var quotes = 1;
        var bad = false;
        var inQuotes = true;
        _position++;
        while (true)
        {
            if (_position >= _length && !Fill(ref fieldStart))
            {
                return (quotes, bad);
            }

            if (inQuotes)
            {
                var found = _buffer.AsSpan(_position, _length - _position).IndexOfAny(Quote, '\r', '\n');
                if (found < 0)
                {
                    _position = _length;
                    continue;
                }

                _position += found;
                var c = _buffer[_position];
                if (c == Quote)
                {
                    quotes++;
                    inQuotes = false;
                }
                else if (c == '\r' || _buffer[_position - 1] != '\r')
                {
                    RawRow++;
                }

                _position++;
                continue;
            }

            var next = _buffer[_position];
            if (next == _delimiter || next == '\r' || next == '\n')
            {
                return (quotes, bad);
            }

            if (next == Quote)
            {
                quotes++;
                if (_buffer[_position - 1] != Quote)
                {
                    bad = true;
                }
                else if (!bad)
                {
                    inQuotes = true;
                }
            }

            _position++;
        }
    }

    /// <summary>Moves to the next of three characters; false when the text ends first (the position is then at its end).</summary>
    private bool SkipTo(ref int fieldStart, char first, char second, char third)
    {
        while (true)
        {
            var found = _buffer.AsSpan(_position, _length - _position).IndexOfAny(first, second, third);
            if (found >= 0)
            {
                _position += found;
                return true;
            }

            _position = _length;
            if (!Fill(ref fieldStart))
            {
                return false;
            }
        }
    }

    private void Add(int fieldStart, int quotes, bool bad)
    {
        if (Count == _fields.Length)
        {
            Array.Resize(ref _fields, _fields.Length * 2);
        }

        _fields[Count++] = new FieldSpan(fieldStart - _recordStart, _position - fieldStart, quotes, bad);
    }

    private bool Fill()
    {
        var unused = 0;
        return Fill(ref unused);
    }

    /// <summary>Reads more text after the current record, which moves to the start of the buffer (grown if it fills it).</summary>
    private bool Fill(ref int fieldStart)
    {
        if (_endOfText)
        {
            return false;
        }

        var kept = _length - _recordStart;
        if (_recordStart == 0 && kept == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }
        else if (_recordStart > 0)
        {
            Array.Copy(_buffer, _recordStart, _buffer, 0, kept);
            fieldStart -= _recordStart;
            _position -= _recordStart;
            _recordStart = 0;
            _length = kept;
        }

        var read = _reader.Read(_buffer, _length, _buffer.Length - _length);
        if (read == 0)
        {
            _endOfText = true;
            return false;
        }

        _length += read;
        return true;
    }

    /// <summary>The inside of a well-formed quoted field: each doubled quote is one.</summary>
    private string Unescaped(int start, int length)
    {
        var text = new char[length];
        var written = 0;
        var escaped = false;
        for (var i = start; i < start + length; i++)
        {
            var c = _buffer[i];
            if (escaped)
            {
                escaped = false;
            }
            else if (c == Quote)
            {
                escaped = true;
                continue;
            }

            text[written++] = c;
        }

        return new string(text, 0, written);
    }

    /// <summary>
    /// A quoted field that is not well formed (a quote inside it not doubled, or no closing quote): its opening quote
    /// dropped, a doubled quote dropped while the quotes still pair, and the rest kept as written once they stop
    /// pairing. This is what CsvHelper made of such a field, so a file with an inch mark reads as it did.
    /// </summary>
    private string Lenient(int start, int length)
    {
        var text = new char[length];
        var written = 0;
        var escaped = false;
        var verbatim = false;
        for (var i = start + 1; i < start + length; i++)
        {
            var c = _buffer[i];
            if (escaped)
            {
                escaped = false;
                if (c == Quote)
                {
                    continue;
                }

                verbatim = true;
            }

            if (c == Quote && !verbatim)
            {
                escaped = true;
                continue;
            }

            text[written++] = c;
        }

        return new string(text, 0, written);
    }

    /// <param name="Start">Where the field starts, from the start of its record.</param>
    private readonly record struct FieldSpan(int Start, int Length, int QuoteCount, bool IsBad);
}
