using System.Collections.Concurrent;

namespace Autotask.Billing;

/// <summary>
/// The rejected-line rule, in one place: a billing file with any line that could not be read (a bad value, a field
/// count other than the header's, an unclosed quote, a cut-off last line), or that could not be read at all, is not
/// compared or synced. Accepting the rest of the file is an explicit choice (-AcceptPartialFile), and even then every
/// customer a rejected line names is held back whole, so no customer × SKU a rejected line touches is written; a
/// rejected line whose customer cannot be told keeps its file refused. Files are tracked by full path; reading a file
/// again starts its record afresh. Thread-safe.
/// </summary>
public sealed class RejectedLinePolicy
{
    private readonly ConcurrentDictionary<string, FileRecord> _files = new(FileNames);

    private static StringComparer FileNames => StringComparer.Ordinal;

    /// <summary>Forgets what an earlier read of the file found: it is being read again.</summary>
    public void StartFile(string file) => _files.TryRemove(Key(file), out _);

    public void Record(BillingLineProblem problem)
    {
        if (problem is null)
        {
            throw new ArgumentNullException(nameof(problem));
        }

        _files.GetOrAdd(Key(problem.File), static _ => new FileRecord()).Add(problem);
    }

    /// <summary>
    /// The reader of the file accepted its readable rest (Get-AtTransaction -AcceptPartialFile): a later judgement of
    /// the same read accepts it too, still holding back the customers its rejected lines name.
    /// </summary>
    public void AcceptPartial(string file) =>
        _files.GetOrAdd(Key(file), static _ => new FileRecord()).Accept();

    /// <summary>The file could not be read at all (or held no billing line): nothing from it can be trusted.</summary>
    public void RecordUnreadable(string file, string message) =>
        _files.GetOrAdd(Key(file), static _ => new FileRecord()).MarkUnreadable(message);

    /// <summary>
    /// Reads one file through <paramref name="reader"/>, recording its rejected lines, a failure to read it (the
    /// exception still reaches the caller) and a file without billing lines.
    /// </summary>
    public IEnumerable<BillingReadItem> Read(BillingSourceReader reader, string file, CancellationToken cancellationToken)
    {
        if (reader is null)
        {
            throw new ArgumentNullException(nameof(reader));
        }

        StartFile(file);
        using var items = reader.ReadFile(file, cancellationToken).GetEnumerator();
        while (true)
        {
            try
            {
                if (!items.MoveNext())
                {
                    break;
                }
            }
            catch (Exception exception) when (exception is BillingFormatException or BillingProfileException or IOException or UnauthorizedAccessException)
            {
                RecordUnreadable(file, exception.Message);
                throw;
            }

            if (items.Current.Problem is { } problem)
            {
                Record(problem);
            }

            yield return items.Current;
        }

        if (reader.Summaries[reader.Summaries.Count - 1].Read == 0)
        {
            RecordUnreadable(file, "it has no billing lines (only a header, or nothing at all)");
        }
    }

    /// <summary>What may be compared and synced of these files.</summary>
    public RejectedLineVerdict Judge(IEnumerable<string> files, bool acceptPartialFile)
    {
        var refused = new List<string>();
        var partialFileMayHelp = false;
        var heldBack = new HashSet<string>(RejectedLineVerdict.CustomerIds);
        foreach (var file in files.Select(Key).Distinct(FileNames))
        {
            if (!_files.TryGetValue(file, out var record))
            {
                continue;
            }

            var (problems, unreadable, unknownCustomer, accepted) = record.Snapshot();
            if (unreadable is not null)
            {
                refused.Add($"{file}: {unreadable}");
            }
            else if (problems.Count == 0)
            {
                continue;
            }
            else if (!acceptPartialFile && !accepted)
            {
                refused.Add($"{file}: {problems.Count} line(s) rejected, first {Where(problems[0])}");
                partialFileMayHelp |= unknownCustomer is null;
            }
            else if (unknownCustomer is not null)
            {
                refused.Add($"{file}: the customer of rejected line {Where(unknownCustomer)} cannot be told, so it cannot be held back alone");
            }
            else
            {
                heldBack.UnionWith(problems.Select(static p => p.CustomerId!));
            }
        }

        return new RejectedLineVerdict(refused, heldBack.OrderBy(static c => c, RejectedLineVerdict.CustomerIds).ToList(), partialFileMayHelp);
    }

    private static string Where(BillingLineProblem problem) =>
        $"line {problem.LineNumber}{(problem.ColumnNumber is { } column ? ":" + column : string.Empty)} ({problem.Reason})";

    private static string Key(string file) =>
        file == BillingSourceReader.PipelineFile || string.IsNullOrEmpty(file) ? file : Path.GetFullPath(file);

    private sealed class FileRecord
    {
        private readonly List<BillingLineProblem> _problems = new();
        private string? _unreadable;
        private bool _accepted;

        public void Add(BillingLineProblem problem)
        {
            lock (_problems)
            {
                _problems.Add(problem);
            }
        }

        public void MarkUnreadable(string message)
        {
            lock (_problems)
            {
                _unreadable ??= message;
            }
        }

        public void Accept()
        {
            lock (_problems)
            {
                _accepted = true;
            }
        }

        public (IReadOnlyList<BillingLineProblem> Problems, string? Unreadable, BillingLineProblem? UnknownCustomer, bool Accepted) Snapshot()
        {
            lock (_problems)
            {
                return (_problems.ToList(), _unreadable, _problems.FirstOrDefault(static p => string.IsNullOrWhiteSpace(p.CustomerId)), _accepted);
            }
        }
    }
}
