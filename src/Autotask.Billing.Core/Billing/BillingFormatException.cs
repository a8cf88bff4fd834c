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

    public string File { get; }
}
