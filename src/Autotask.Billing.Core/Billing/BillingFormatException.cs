namespace Autotask.Billing;

/// <summary>A billing file that cannot be read at all (unknown format, broken JSON, missing required columns).</summary>
public class BillingFormatException : Exception
{
    public BillingFormatException(string file, string message)
        : base($"{file}: {message}")
    {
        File = file;
    }

    public BillingFormatException(string file, string message, Exception inner)
        : base($"{file}: {message}", inner)
    {
        File = file;
    }

    public BillingFormatException(string file, int lineNumber, int columnNumber, string message)
        : base($"{file}:{lineNumber}:{columnNumber}: {message}")
    {
        File = file;
        LineNumber = lineNumber;
        ColumnNumber = columnNumber;
    }

    public string File { get; }

    /// <summary>1-based line of the problem, when it is at one place.</summary>
    public int? LineNumber { get; }

    public int? ColumnNumber { get; }
}
