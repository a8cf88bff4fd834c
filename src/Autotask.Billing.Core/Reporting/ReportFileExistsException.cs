namespace Autotask.Billing.Reporting;

/// <summary>The report file exists and overwriting it was not allowed; it was left untouched.</summary>
public sealed class ReportFileExistsException : IOException
{
    public ReportFileExistsException(string path)
        : base($"The file '{path}' already exists; it was left untouched.")
    {
        Path = path;
    }

    public string Path { get; }
}
