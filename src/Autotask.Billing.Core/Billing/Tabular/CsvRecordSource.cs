namespace Autotask.Billing.Tabular;

/// <summary>
/// CSV through <see cref="CsvTokenizer"/>: delimiter (',' ';' or tab) taken from the header line, a Windows PowerShell
/// "#TYPE" first line skipped, quoted fields with delimiters and line breaks kept, every record tagged with the
/// physical line it starts on.
/// </summary>
internal sealed class CsvRecordSource : IRecordSource, ICurrentRecordFields
{
    private readonly WatchingReader _reader;
    private readonly CsvTokenizer _tokenizer;
    private readonly string _path;
    private int _lastRawRow;
    private int _headerFieldCount;

    // The field cache of the current record, lent to each record in turn: a new array per line was 8 bytes a field.
    private string?[] _values = Array.Empty<string?>();

    public CsvRecordSource(SourceText text)
    {
        _path = text.Path;
        Delimiter = SniffDelimiter(text.Prefix);
        _reader = new WatchingReader(text.OpenReader());
        _tokenizer = new CsvTokenizer(_reader, Delimiter);
        ReadHeader();
    }

    public char Delimiter { get; }

    public RecordSchema Schema { get; } = new();

    public bool HasHeader => true;

    public bool UsesDecimalComma => Delimiter == ';';

    public IEnumerable<SourceRecord> Records(CancellationToken cancellationToken)
    {
        while (_tokenizer.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var start = _lastRawRow + 1;
            _lastRawRow = _tokenizer.RawRow;
            if (IsBlankLine())
            {
                continue;
            }

            var count = _tokenizer.Count;
            if (_values.Length < count)
            {
                _values = new string?[count];
            }
            else
            {
                Array.Clear(_values, 0, count);
            }

            yield return new SourceRecord(Schema, count, this, _tokenizer.Row, start, _values) { Defect = DefectOf(count, start) };
        }
    }

    bool ICurrentRecordFields.IsCurrent(int row) => _tokenizer.Row == row;

    bool ICurrentRecordFields.TryFieldSpan(int index, int row, out ReadOnlySpan<char> field)
    {
        field = default;
        return _tokenizer.Row == row && _tokenizer.TrySpan(index, out field);
    }

    string ICurrentRecordFields.Field(int index, int row) =>
        _tokenizer.Row == row
            ? _tokenizer[index]
            : throw new InvalidOperationException($"Field {index + 1} of CSV record {row} of {_path} was asked for after the reader moved on.");

    public bool IsRepeatedHeader(SourceRecord record)
    {
        if (record.FieldCount < Schema.Count)
        {
            return false;
        }

        for (var i = 0; i < Schema.Count; i++)
        {
            if (!string.Equals(record[i]?.Trim(), Schema.Names[i], StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    public void Dispose()
    {
        _reader.Dispose();
    }

    /// <summary>
    /// A record whose fields cannot be matched to the header is rejected whole rather than read shifted: a quote never
    /// closed (it swallows the following lines), a line cut off by the end of the file (a number may be cut short:
    /// "12" read as "1"), and a field count other than the header's (an unquoted "1,250" in a comma file).
    /// </summary>
    private RecordDefect? DefectOf(int fieldCount, int line)
    {
        var spanned = _tokenizer.RawRow - line;

        // Before the end of the text was read, the record ended at a line break, and one complete line needs no quote
        // count (below): its raw text is only made for a record over several lines or near the end of the text.
        var raw = spanned > 0 || _reader.ReachedEnd ? _tokenizer.RawRecord : null;
        var endsLine = raw is null || raw.EndsWith("\n", StringComparison.Ordinal) || raw.EndsWith("\r", StringComparison.Ordinal);

        // An odd number of quotes on one complete line is an inch mark or the like, kept as text; an open quote
        // that runs on over line breaks or to the end of the file is not.
        if (raw is not null && QuoteCount(raw) % 2 == 1 && (spanned > 0 || !endsLine))
        {
            return new RecordDefect(
                BillingProblemReason.UnterminatedQuote, fieldCount,
                $"A quoted field in column {fieldCount} is never closed{(spanned > 0 ? $"; the {spanned} lines after it were swallowed into it" : string.Empty)}. Close the quote or remove it.");
        }

        if (!endsLine)
        {
            return new RecordDefect(
                BillingProblemReason.TruncatedLine, Math.Max(1, fieldCount),
                "The file ends in the middle of this line (no line break after it), so it may have been cut off; a number at its end could be cut short. Export the file again.");
        }

        // Until the parser's reader has met a NUL, no field of this record holds one: the fields need not be read to know.
        var binary = _reader.SawNul ? FirstFieldWithNul(fieldCount) : -1;
        if (binary >= 0)
        {
            return new RecordDefect(
                BillingProblemReason.InvalidRecord, binary + 1,
                "The line holds NUL characters: binary data, or text in an encoding other than the rest of the file. Export the file again.");
        }

        if (fieldCount != _headerFieldCount)
        {
            var column = Math.Min(fieldCount, _headerFieldCount) + 1;
            return new RecordDefect(
                BillingProblemReason.FieldCount, column,
                $"The line has {fieldCount} fields, the header {_headerFieldCount}, so its values cannot be matched to the columns. " +
                $"A value containing '{(Delimiter == '\t' ? "tab" : Delimiter.ToString())}' (such as a thousands separator in \"1,250\") must be quoted.");
        }

        return null;
    }

    private static int QuoteCount(string raw)
    {
        var count = 0;
        foreach (var c in raw)
        {
            if (c == '"')
            {
                count++;
            }
        }

        return count;
    }

    private int FirstFieldWithNul(int fieldCount)
    {
        for (var i = 0; i < fieldCount; i++)
        {
            if (_tokenizer[i].IndexOf('\0') >= 0)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Whether the parser's current record is an empty line (no field, or one of white space only).</summary>
    private bool IsBlankLine() => _tokenizer.Count == 0 || (_tokenizer.Count == 1 && _tokenizer[0].Trim().Length == 0);

    private static bool IsTypeLine(string[] fields) =>
        fields.Length >= 1 && fields[0].TrimStart('\uFEFF').StartsWith("#TYPE", StringComparison.OrdinalIgnoreCase);

    private static char SniffDelimiter(string prefix)
    {
        using var lines = new StringReader(prefix);
        string? line;
        while ((line = lines.ReadLine()) is not null)
        {
            var trimmed = line.TrimStart('\uFEFF').Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith("#TYPE", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            return MostFrequentOutsideQuotes(trimmed);
        }

        return ',';
    }

    private static char MostFrequentOutsideQuotes(string line)
    {
        int commas = 0, semicolons = 0, tabs = 0;
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted)
            {
                if (c == ',')
                {
                    commas++;
                }
                else if (c == ';')
                {
                    semicolons++;
                }
                else if (c == '\t')
                {
                    tabs++;
                }
            }
        }

        if (semicolons > commas && semicolons >= tabs)
        {
            return ';';
        }

        return tabs > commas ? '\t' : ',';
    }

    private void ReadHeader()
    {
        while (_tokenizer.Read())
        {
            _lastRawRow = _tokenizer.RawRow;
            if (IsBlankLine())
            {
                continue;
            }

            var fields = _tokenizer.Record();
            if (IsTypeLine(fields))
            {
                continue;
            }

            _headerFieldCount = fields.Length;
            for (var i = 0; i < fields.Length; i++)
            {
                var name = fields[i].Trim().TrimStart('\uFEFF');
                var first = Schema.IndexOf(name);
                if (first >= 0 && name.Length > 0)
                {
                    // A repeated name would shift every later column onto the wrong field.
                    throw new BillingFormatException(
                        _path, _lastRawRow, i + 1,
                        $"The column '{name}' appears twice in the header (columns {first + 1} and {i + 1}); every later value would be read under the wrong name. Rename or remove one of them.");
                }

                Schema.Add(name);
            }

            return;
        }
    }
}
