using Autotask.Billing.Buffering;

namespace Autotask.Billing;

/// <summary>Where a summarized quantity came from: one transaction and its file and line.</summary>
public sealed class TransactionReference
{
    private readonly string? _transactionId;
    private readonly TransactionBuffer? _lines;
    private readonly int _position;

    public TransactionReference(string transactionId, string sourceFile, int sourceLine)
    {
        _transactionId = transactionId;
        SourceFile = sourceFile;
        SourceLine = sourceLine;
    }

    /// <summary>A line of <paramref name="lines"/>, whose id is read from it when asked for (a compare's seats, issue 15).</summary>
    internal TransactionReference(TransactionBuffer lines, int position, string sourceFile, int sourceLine)
    {
        _lines = lines;
        _position = position;
        SourceFile = sourceFile;
        SourceLine = sourceLine;
    }

    public string TransactionId => _transactionId ?? _lines!.TransactionIdAt(_position);

    public string SourceFile { get; }

    public int SourceLine { get; }

    public override string ToString() => $"{SourceFile}:{SourceLine} ({TransactionId})";
}
