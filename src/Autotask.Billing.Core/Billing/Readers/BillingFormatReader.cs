using System.Globalization;
using Autotask.Billing.Tabular;

namespace Autotask.Billing.Readers;

/// <summary>
/// Turns the records of one file in one format into transactions. One instance per file: formats that aggregate
/// keep their running totals here and hand them out in <see cref="Complete"/>.
/// </summary>
internal abstract class BillingFormatReader
{
    protected BillingFormatReader(string file)
    {
        File = file;
    }

    public string File { get; }

    public abstract string FormatName { get; }

    public abstract ColumnSet Columns { get; }

    /// <summary>Values read with a fallback, counted per warning code.</summary>
    public Dictionary<string, int> Warnings { get; } = new(StringComparer.Ordinal);

    /// <summary>The culture the format itself documents for its dates (null: none; the file must show or be told).</summary>
    public virtual CultureInfo? DeclaredCultureFor(RecordSchema schema) => null;

    /// <summary>The number and date conventions of this file; <paramref name="culture"/> is the one resolved for it.</summary>
    public virtual CellFormat CellFormatFor(IRecordSource source, CultureInfo? culture) =>
        new(source.UsesDecimalComma, null, culture);

    /// <summary>Maps one record; throws <see cref="CellException"/> for a bad cell.</summary>
    public abstract RowResult Map(RecordView row);

    /// <summary>Transactions built from aggregated records, after the last record.</summary>
    public virtual IEnumerable<Transaction> Complete() => Enumerable.Empty<Transaction>();

    protected void Warn(string code)
    {
        Warnings.TryGetValue(code, out var count);
        Warnings[code] = count + 1;
    }
}
