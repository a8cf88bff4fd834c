namespace Autotask.Billing.Tabular;

/// <summary>Streams the records of one file, one at a time, never holding the file whole.</summary>
internal interface IRecordSource : IDisposable
{
    /// <summary>CSV: filled from the header on open. JSON: grows as records are read.</summary>
    RecordSchema Schema { get; }

    /// <summary>True when the schema is known before the first record (CSV header).</summary>
    bool HasHeader { get; }

    /// <summary>The ';' delimiter marks a continental-European export, where a lone ',' is a decimal comma.</summary>
    bool UsesDecimalComma { get; }

    IEnumerable<SourceRecord> Records(CancellationToken cancellationToken);

    /// <summary>Concatenated exports repeat the header; such a record is not data.</summary>
    bool IsRepeatedHeader(SourceRecord record);
}
