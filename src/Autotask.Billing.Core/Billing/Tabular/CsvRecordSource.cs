using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Autotask.Billing.Tabular;

/// <summary>
/// CSV through CsvHelper's parser: delimiter (',' ';' or tab) taken from the header line, a Windows PowerShell
/// "#TYPE" first line skipped, quoted fields with delimiters and line breaks kept, every record tagged with the
/// physical line it starts on.
/// </summary>
internal sealed class CsvRecordSource : IRecordSource
{
    private readonly TextReader _reader;
    private readonly CsvParser _parser;
    private int _lastRawRow;

    public CsvRecordSource(SourceText text)
    {
        Delimiter = SniffDelimiter(text.Prefix);
        _reader = text.OpenReader();
        _parser = new CsvParser(_reader, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = Delimiter.ToString(),
            HasHeaderRecord = false,
            IgnoreBlankLines = false,
            BadDataFound = null,
            MissingFieldFound = null,
            DetectColumnCountChanges = false,
            CacheFields = true,
        });
        ReadHeader();
    }

    public char Delimiter { get; }

    public RecordSchema Schema { get; } = new();

    public bool HasHeader => true;

    public bool UsesDecimalComma => Delimiter == ';';

    public IEnumerable<SourceRecord> Records(CancellationToken cancellationToken)
    {
        while (_parser.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var start = _lastRawRow + 1;
            _lastRawRow = _parser.RawRow;
            var fields = _parser.Record;
            if (fields is null || IsBlankLine(fields))
            {
                continue;
            }

            yield return new SourceRecord(Schema, fields!, start);
        }
    }

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
        _parser.Dispose();
        _reader.Dispose();
    }

    private static bool IsBlankLine(string[] fields) => fields.Length == 1 && fields[0].Trim().Length == 0;

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
        while (_parser.Read())
        {
            _lastRawRow = _parser.RawRow;
            var fields = _parser.Record;
            if (fields is null || IsBlankLine(fields) || IsTypeLine(fields))
            {
                continue;
            }

            foreach (var name in fields)
            {
                Schema.Add(name.Trim().TrimStart('\uFEFF'));
            }

            return;
        }
    }
}
