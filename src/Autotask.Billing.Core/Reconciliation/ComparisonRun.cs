namespace Autotask.Billing.Reconciliation;

/// <summary>
/// One comparison, enumerated once: differences stream out as they are found, and <see cref="Summary"/> is there
/// once the last one has been read.
/// </summary>
public sealed class ComparisonRun : IAsyncEnumerable<ContractDifference>
{
    private readonly Func<ComparisonRun, CancellationToken, IAsyncEnumerable<ContractDifference>> _run;
    private ComparisonSummary? _summary;
    private int _started;

    internal ComparisonRun(Func<ComparisonRun, CancellationToken, IAsyncEnumerable<ContractDifference>> run)
    {
        _run = run;
    }

    public ComparisonSummary Summary =>
        _summary ?? throw new InvalidOperationException("The summary is known once every difference of the run has been read.");

    public bool IsComplete => _summary is not null;

    public IAsyncEnumerator<ContractDifference> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException("A comparison run can be enumerated only once; start another run to compare again.");
        }

        return _run(this, cancellationToken).GetAsyncEnumerator(cancellationToken);
    }

    internal void Complete(ComparisonSummary summary) => _summary = summary;
}
