namespace Autotask.Billing;

/// <summary>A file lacks columns its format requires; nothing of it was read.</summary>
public sealed class MissingBillingColumnsException : BillingFormatException
{
    public MissingBillingColumnsException(string file, string format, IReadOnlyList<string> missingColumns, IReadOnlyList<string> columnsFound)
        : base(file, $"{format} needs column(s) {string.Join(", ", missingColumns)}; the file has: {string.Join(", ", columnsFound)}.")
    {
        Format = format;
        MissingColumns = missingColumns;
        ColumnsFound = columnsFound;
    }

    public string Format { get; }

    public IReadOnlyList<string> MissingColumns { get; }

    public IReadOnlyList<string> ColumnsFound { get; }
}
