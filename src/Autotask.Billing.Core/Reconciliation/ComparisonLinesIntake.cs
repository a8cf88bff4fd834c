using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Autotask.Billing.Reconciliation;

/// <summary>
/// Takes billing lines into a <see cref="ComparisonLines"/> on a worker thread, in the order they are given: the
/// pipeline thread that hands them over (Compare-AtContract's, which also binds every piped line) goes on to the next
/// line while the last is held, sorted and summed on another core (issue 15). Lines go over in batches, a few at a
/// time in flight. <see cref="Complete"/> waits for the last and hands the lines back; the first failure of the worker
/// is thrown, as it was, by the next <see cref="Add(Transaction)"/> or by <see cref="Complete"/>.
/// </summary>
public sealed class ComparisonLinesIntake : IDisposable
{
    private const int BatchSize = 256;
    private const int BatchesInFlight = 8;

    private readonly ComparisonLines _lines;
    private readonly BlockingCollection<object[]> _batches = new(BatchesInFlight);
    private readonly Task _worker;
    private object[] _batch = new object[BatchSize];
    private int _count;
    private volatile ExceptionDispatchInfo? _failure;
    private volatile bool _stopped;
    private volatile bool _needsAllCompanies;
    private bool _completed;

    public ComparisonLinesIntake(ComparisonLines lines)
    {
        _lines = lines ?? throw new ArgumentNullException(nameof(lines));
        _worker = Task.Factory.StartNew(Take, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>
    /// A line taken in so far belongs to an unmapped customer (<see cref="ComparisonLines.NeedsAllCompanies"/>), as
    /// far as the worker has got: it may say so a batch late, never early.
    /// </summary>
    public bool NeedsAllCompanies => _needsAllCompanies;

    public void Add(Transaction line) => Put(line ?? throw new ArgumentNullException(nameof(line)));

    public void Add(TransactionSummary summary) => Put(summary ?? throw new ArgumentNullException(nameof(summary)));

    /// <summary>Waits for every line handed over to be taken in, and returns the lines; throws the worker's failure.</summary>
    public ComparisonLines Complete()
    {
        if (!_completed)
        {
            _completed = true;
            Flush();
            _batches.CompleteAdding();
            _worker.Wait();
        }

        _failure?.Throw();
        return _lines;
    }

    /// <summary>Stops the worker (what it has not taken in is dropped) and waits for it; the lines are the caller's to dispose.</summary>
    public void Dispose()
    {
        _stopped = true;
        if (!_batches.IsAddingCompleted)
        {
            _batches.CompleteAdding();
        }

        _worker.Wait();
        _batches.Dispose();
    }

    private void Put(object item)
    {
        if (_completed)
        {
            throw new InvalidOperationException("The lines were handed over already (Complete).");
        }

        _failure?.Throw();
        _batch[_count++] = item;
        if (_count == BatchSize)
        {
            Flush();
        }
    }

    private void Flush()
    {
        if (_count == 0)
        {
            return;
        }

        var batch = _batch;
        if (_count < BatchSize)
        {
            Array.Resize(ref batch, _count);
        }

        _batch = new object[BatchSize];
        _count = 0;
        _batches.Add(batch);
    }

    private void Take()
    {
        foreach (var batch in _batches.GetConsumingEnumerable())
        {
            // After a failure (or a stop) the rest is drained unread, so the pipeline thread is never left waiting for room.
            if (_failure is not null || _stopped)
            {
                continue;
            }

            try
            {
                foreach (var item in batch)
                {
                    if (item is Transaction line)
                    {
                        _lines.Add(line);
                    }
                    else
                    {
                        _lines.Add((TransactionSummary)item);
                    }
                }

                _needsAllCompanies = _lines.NeedsAllCompanies;
            }
            catch (Exception exception)
            {
                _failure = ExceptionDispatchInfo.Capture(exception);
            }
        }
    }
}
