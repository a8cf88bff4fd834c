namespace Autotask.Billing;

/// <summary>Where a summarized quantity came from: one transaction and its file and line.</summary>
public sealed class TransactionReference
{
    public TransactionReference(string transactionId, string sourceFile, int sourceLine)
    {
        TransactionId = transactionId;
        SourceFile = sourceFile;
        SourceLine = sourceLine;
    }

    public string TransactionId { get; }

    public string SourceFile { get; }

    public int SourceLine { get; }

    public override string ToString() => $"{SourceFile}:{SourceLine} ({TransactionId})";
}
