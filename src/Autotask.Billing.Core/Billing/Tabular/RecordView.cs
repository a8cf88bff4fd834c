namespace Autotask.Billing.Tabular;

/// <summary>Typed, validated access to one record's fields through a <see cref="ColumnBinding"/>.</summary>
internal sealed class RecordView
{
    private readonly SourceRecord _record;
    private readonly ColumnBinding _binding;
    private readonly CellFormat _format;
    private readonly StringPool? _pool;

    /// <param name="pool">Shares equal text values among the lines one reader keeps; null: every value its own.</param>
    public RecordView(SourceRecord record, ColumnBinding binding, CellFormat format, StringPool? pool = null)
    {
        _record = record;
        _binding = binding;
        _format = format;
        _pool = pool;
    }

    public int LineNumber => _record.LineNumber;

    public SourceRecord Record => _record;

    public ColumnBinding Binding => _binding;

    /// <summary>
    /// The trimmed text of a field, or null when the column is absent or the cell empty; an instance shared with
    /// equal values of earlier lines where the reader pools them (same value, same meaning).
    /// </summary>
    public string? Text(ColumnSpec spec) => _pool is null ? RawText(spec) : _record.SharedText(_binding.IndexOf(spec), _pool);

    /// <summary>A value derived from the line (a folded or joined key), shared as <see cref="Text"/> shares cells.</summary>
    public string Share(string value) => _pool is null ? value : _pool.Share(value);

    /// <summary><paramref name="first"/> + <paramref name="separator"/> + <paramref name="second"/>, shared as <see cref="Share(string)"/>.</summary>
    public string Share(string first, char separator, string second) =>
        _pool is null ? first + separator + second : _pool.Share(first, separator, second);

    /// <summary>Text of a source column by header name (profile conditions), or null.</summary>
    public string? TextOfColumn(string name)
    {
        var raw = _record[_record.Schema.IndexOf(name)];
        var trimmed = raw?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }

    public string RequiredText(ColumnSpec spec) =>
        Text(spec) ?? throw new CellException(
            _binding.ColumnNameOf(spec), null, BillingProblemReason.MissingValue, $"{_binding.ColumnNameOf(spec)} is empty.");

    public decimal? Decimal(ColumnSpec spec)
    {
        var text = RawText(spec);
        if (text is null)
        {
            return null;
        }

        return _format.TryParseDecimal(text, out var value)
            ? value
            : throw new CellException(
                _binding.ColumnNameOf(spec), text, BillingProblemReason.InvalidNumber,
                $"{_binding.ColumnNameOf(spec)} '{text}' is not a number.");
    }

    public decimal RequiredDecimal(ColumnSpec spec) =>
        Decimal(spec) ?? throw new CellException(
            _binding.ColumnNameOf(spec), null, BillingProblemReason.MissingValue, $"{_binding.ColumnNameOf(spec)} is empty.");

    public DateTime? Date(ColumnSpec spec)
    {
        var text = RawText(spec);
        if (text is null)
        {
            return null;
        }

        if (_format.TryParseDate(text, out var value, out var ambiguity))
        {
            return value;
        }

        throw ambiguity is null
            ? new CellException(
                _binding.ColumnNameOf(spec), text, BillingProblemReason.InvalidDate,
                $"{_binding.ColumnNameOf(spec)} '{text}' is not a date.")
            : new CellException(
                _binding.ColumnNameOf(spec), text, BillingProblemReason.AmbiguousDate,
                $"{_binding.ColumnNameOf(spec)} {ambiguity}");
    }

    public DateTime? Timestamp(ColumnSpec spec)
    {
        var text = RawText(spec);
        if (text is null)
        {
            return null;
        }

        if (_format.TryParseTimestamp(text, out var value, out var ambiguity))
        {
            return value;
        }

        throw ambiguity is null
            ? new CellException(
                _binding.ColumnNameOf(spec), text, BillingProblemReason.InvalidDate,
                $"{_binding.ColumnNameOf(spec)} '{text}' is not a date and time.")
            : new CellException(
                _binding.ColumnNameOf(spec), text, BillingProblemReason.AmbiguousDate,
                $"{_binding.ColumnNameOf(spec)} {ambiguity}");
    }

    public bool? Boolean(ColumnSpec spec)
    {
        var text = RawText(spec);
        if (text is null)
        {
            return null;
        }

        switch (text.ToLowerInvariant())
        {
            case "true":
            case "yes":
            case "y":
            case "1":
                return true;
            case "false":
            case "no":
            case "n":
            case "0":
                return false;
            default:
                throw new CellException(
                    _binding.ColumnNameOf(spec), text, BillingProblemReason.InvalidValue,
                    $"{_binding.ColumnNameOf(spec)} '{text}' is not true or false.");
        }
    }

    public CellException Invalid(ColumnSpec spec, string reason, string message) =>
        new(_binding.ColumnNameOf(spec), RawText(spec), reason, message);

    /// <summary>
    /// As <see cref="Text"/> but never pooled: for values that are parsed or hashed and dropped (numbers, dates, the
    /// parts of a derived id) or unique to the line (a vendor's line id), which would only churn the pool.
    /// </summary>
    public string? RawText(ColumnSpec spec)
    {
        var raw = _record[_binding.IndexOf(spec)];
        if (raw is null)
        {
            return null;
        }

        var trimmed = raw.Trim();
        return trimmed.Length == 0 ? null : trimmed;
    }
}
