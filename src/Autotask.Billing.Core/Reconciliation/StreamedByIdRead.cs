using Autotask.Billing.Autotask;

namespace Autotask.Billing.Reconciliation;

/// <summary>
/// A read by id whose ids arrive page by page (the companies of the contracts, the catalog services of the contract
/// services): it starts at once with the ids of the first page, then with every full request's worth of new ones (the
/// client's <see cref="AutotaskClient.InChunkSize"/>, the one owner of that size), and reads what is left when the last
/// page is in. So the dependent read overlaps the pages instead of waiting for all of them, for at most one request
/// more than reading every id at the end (the first, eager one).
/// Thread-safe.
/// </summary>
internal sealed class StreamedByIdRead<T>
{
    private readonly object _gate = new();
    private readonly Func<IReadOnlyCollection<long>, Task<IReadOnlyList<T>>> _read;
    private readonly int _chunkSize;
    private readonly HashSet<long> _seen = new();
    private readonly List<long> _pending = new();
    private readonly List<Task<IReadOnlyList<T>>> _reads = new();
    private bool _completed;

    /// <param name="chunkSize">The ids one request of <paramref name="read"/> carries: the client's <see cref="AutotaskClient.InChunkSize"/>.</param>
    /// <param name="read">Reads rows by id; called with at most <paramref name="chunkSize"/> ids.</param>
    public StreamedByIdRead(int chunkSize, Func<IReadOnlyCollection<long>, Task<IReadOnlyList<T>>> read)
    {
        if (chunkSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(chunkSize), "A request carries at least one id.");
        }

        _chunkSize = chunkSize;
        _read = read ?? throw new ArgumentNullException(nameof(read));
    }

    /// <summary>How many distinct ids it was given.</summary>
    public int IdsNamed
    {
        get
        {
            lock (_gate)
            {
                return _seen.Count;
            }
        }
    }

    /// <summary>How many reads it started: one per chunk of ids, the first possibly partial.</summary>
    public int ChunksRead
    {
        get
        {
            lock (_gate)
            {
                return _reads.Count;
            }
        }
    }

    /// <summary>Takes ids as they become known; starts a read when it is the first or a full chunk is waiting.</summary>
    public void Add(IEnumerable<long> ids)
    {
        lock (_gate)
        {
            if (_completed)
            {
                throw new InvalidOperationException("The read is already complete.");
            }

            Queue(ids);
            if (_reads.Count == 0 && _pending.Count > 0)
            {
                Start(Math.Min(_pending.Count, _chunkSize));
            }

            while (_pending.Count >= _chunkSize)
            {
                Start(_chunkSize);
            }
        }
    }

    /// <summary>Reads the ids still waiting (and <paramref name="more"/>), then returns every row read, in no particular order.</summary>
    public async Task<IReadOnlyList<T>> CompleteAsync(IEnumerable<long> more)
    {
        Task<IReadOnlyList<T>>[] reads;
        lock (_gate)
        {
            _completed = true;
            Queue(more);
            while (_pending.Count > 0)
            {
                Start(Math.Min(_pending.Count, _chunkSize));
            }

            reads = _reads.ToArray();
        }

        var rows = new List<T>();
        foreach (var part in await Task.WhenAll(reads).ConfigureAwait(false))
        {
            rows.AddRange(part);
        }

        return rows;
    }

    private void Queue(IEnumerable<long> ids)
    {
        foreach (var id in ids)
        {
            if (_seen.Add(id))
            {
                _pending.Add(id);
            }
        }
    }

    // Under the lock: the read only starts here (its requests go out asynchronously), so the lock is held briefly.
    private void Start(int count)
    {
        var chunk = _pending.GetRange(0, count).ToArray();
        _pending.RemoveRange(0, count);
        Task<IReadOnlyList<T>> read;
        try
        {
            read = _read(chunk);
        }
        catch (Exception exception)
        {
            read = Task.FromException<IReadOnlyList<T>>(exception);
        }

        _reads.Add(read);
    }
}
