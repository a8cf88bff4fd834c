using System.Management.Automation;
using Autotask.Billing.Buffering;
using Autotask.Billing.Completers;
using Autotask.Billing.Infrastructure;

namespace Autotask.Billing.Commands;

/// <summary>
/// Reads vendor billing exports (Partner Center, daily rated usage, our generic CSV, or any vendor described by a
/// column-map profile) or pipeline objects into Transaction objects. A line that cannot be used is a non-terminating
/// error naming file, line, column and value; with -Summarize, one line per customer × SKU with the seats in force.
/// A file is emitted once read whole and judged by the rejected-line rule (<see cref="RejectedLinePolicy"/>): a file
/// with rejected lines (or unreadable) emits nothing and stops the command at its end (BillingFileRejected), so its
/// surviving lines cannot reach a compare or sync; -AcceptPartialFile emits its rest except the customers a rejected
/// line names, as Compare-AtContract -AcceptPartialFile would.
/// </summary>
[Cmdlet(VerbsCommon.Get, "AtTransaction", DefaultParameterSetName = PathSet)]
[OutputType(typeof(Transaction), ParameterSetName = new[] { PathSet, LiteralPathSet, InputObjectSet })]
[OutputType(typeof(TransactionSummary), ParameterSetName = new[] { PathSet, LiteralPathSet, InputObjectSet })]
public sealed class GetAtTransactionCommand : AtBillingCmdlet
{
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";
    private const string InputObjectSet = "InputObject";

    // A file's lines are held until it is judged, and -Summarize's until the end: compactly, as a month's file is
    // 200,000 lines or more (issue 15).
    private readonly TransactionBuffer _collected = new();
    private readonly TransactionBuffer _pending = new();
    private readonly TransactionBuffer _pendingObjects = new();
    private readonly List<string> _read = new();
    private BillingSourceReader? _reader;
    private ThrottledProgress? _progress;
    private int _objectIndex;

    /// <summary>Export files to read; wildcards allowed.</summary>
    [Parameter(ParameterSetName = PathSet, Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = Array.Empty<string>();

    /// <summary>Export files to read, taken literally (no wildcards); binds from Get-ChildItem output.</summary>
    [Parameter(ParameterSetName = LiteralPathSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath", "LP")]
    [ValidateNotNullOrEmpty]
    public string[] LiteralPath { get; set; } = Array.Empty<string>();

    /// <summary>Objects whose properties carry Transaction's names (Import-Csv rows, objects from an admin's own REST call).</summary>
    [Parameter(ParameterSetName = InputObjectSet, Mandatory = true, ValueFromPipeline = true)]
    public PSObject? InputObject { get; set; }

    /// <summary>Generic, PartnerCenter, PartnerCenterDailyUsage or an embedded profile name; detected from the header when omitted.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(BillingFormatCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Format { get; set; }

    /// <summary>A column-map profile (JSON) that describes a vendor's CSV.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ProfilePath { get; set; }

    /// <summary>The culture the files write slash dates in (en-GB: day/month/year, en-US: month/day/year); wins over a profile's 'culture'. Without either, a date such as 08/10/2026 is rejected.</summary>
    [Parameter(ParameterSetName = PathSet)]
    [Parameter(ParameterSetName = LiteralPathSet)]
    [ValidateNotNullOrEmpty]
    public string? Culture { get; set; }

    /// <summary>The billing month, yyyy-MM: lines whose service dates fall in it.</summary>
    [Parameter]
    [ValidatePattern(@"^\d{4}-(0[1-9]|1[0-2])$")]
    public string? Month { get; set; }

    /// <summary>First service date of the window (with -Until instead of -Month).</summary>
    [Parameter]
    public DateTime? Since { get; set; }

    /// <summary>Last service date of the window.</summary>
    [Parameter]
    public DateTime? Until { get; set; }

    /// <summary>Only these source categories, e.g. MR, AL.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? Category { get; set; }

    /// <summary>Only these charge types.</summary>
    [Parameter]
    public ChargeType[]? ChargeType { get; set; }

    /// <summary>Only these vendor customer ids.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? CustomerId { get; set; }

    /// <summary>Only these SKUs.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? Sku { get; set; }

    /// <summary>SKUs never read (counted as skipped).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? ExcludeSku { get; set; }

    /// <summary>Drops lines worth nothing (counted as skipped).</summary>
    [Parameter]
    public SwitchParameter SkipZeroAmount { get; set; }

    /// <summary>The date whose seats in force -Summarize reports; default the end of the window.</summary>
    [Parameter]
    public DateTime? AsOf { get; set; }

    /// <summary>
    /// Emits the readable rest of a billing file that has rejected lines, except the lines of every customer a
    /// rejected line names (held back). Without it such a file emits no line and the command ends with
    /// BillingFileRejected; Compare-AtContract then accepts the lines of this read as it would with its own switch.
    /// </summary>
    [Parameter]
    public SwitchParameter AcceptPartialFile { get; set; }

    /// <summary>One line per source × customer × SKU with the seats in force on -AsOf, instead of one object per billing line.</summary>
    [Parameter]
    public SwitchParameter Summarize { get; set; }

    protected override void BeginProcessing()
    {
        Session.RejectedLines.StartFile(BillingSourceReader.PipelineFile);
        try
        {
            _reader = new BillingSourceReader(ReadOptions());
        }
        catch (Exception exception) when (exception is BillingProfileException or ArgumentException or IOException)
        {
            ThrowTerminatingErrorFor(exception, ProfilePath ?? Format ?? Culture);
        }

        _progress = new ThrottledProgress(WriteProgress, ProgressActivities.ReadTransactions, "Reading vendor billing");
        WriteVerbose($"Reading billing lines with service dates in {_reader!.Window}.");
    }

    protected override void ProcessRecord()
    {
        if (ParameterSetName == InputObjectSet)
        {
            ReadPipelineObject();
            return;
        }

        var files = ParameterSetName == PathSet ? ExportPaths.Resolve(this, Path) : ResolveLiterals(LiteralPath);
        for (var index = 0; index < files.Count; index++)
        {
            ReadFile(files[index], index, files.Count);
        }
    }

    protected override void EndProcessing()
    {
        try
        {
            if (_objectIndex > 0)
            {
                Release(BillingSourceReader.PipelineFile, _pendingObjects);
            }

            var verdict = Session.RejectedLines.Judge(_read, AcceptPartialFile);
            if (Summarize && !verdict.IsRefused)
            {
                var asOf = UtcDate.From(AsOf) ?? _reader!.Window.Until ?? UtcDate.Today;
                WriteVerbose($"Summarising {_collected.Count} lines into seats in force on {asOf:yyyy-MM-dd}.");
                WriteObject(TransactionSummarizer.Summarize(_collected, asOf), enumerateCollection: true);
            }

            var total = _reader!.Total;
            WriteVerbose($"Read {total.Read} lines: {total.Emitted} emitted, {total.Skipped} skipped by rule{SkipDetail(total)}, {total.Rejected} rejected.");
            if (total.UnknownColumns.Count > 0)
            {
                WriteVerbose($"Columns not used: {string.Join(", ", total.UnknownColumns)}.");
            }

            WriteInformation(total, new[] { "Summary" });
            if (verdict.IsRefused)
            {
                ThrowTerminatingError(ErrorRecords.Create(
                    new InvalidDataException(verdict.Describe("No line of these files was emitted")), ErrorIds.BillingFileRejected, ErrorCategory.InvalidData, verdict.RefusedFiles));
            }
        }
        finally
        {
            _progress?.Dispose();

            // The pipeline's later commands still run (a compare sums up after this): what only the reading needed
            // (the ids seen, for duplicates; the lines kept for -Summarize) goes now rather than when they end.
            _reader = null;
            _collected.Clear();
        }
    }

    protected override void Release()
    {
        _collected.Dispose();
        _pending.Dispose();
        _pendingObjects.Dispose();
    }

    private BillingReadOptions ReadOptions()
    {
        var profilePath = ProfilePath is null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(ProfilePath);
        var (format, profile) = BillingReadArguments.Format(Format, profilePath);
        return new BillingReadOptions
        {
            Format = format,
            Profile = profile,
            Culture = BillingReadArguments.Culture(Culture),
            Window = BillingReadArguments.Window(Month, Since, Until),
            Categories = Category,
            ChargeTypes = ChargeType,
            CustomerIds = CustomerId,
            Skus = Sku,
            ExcludedSkus = ExcludeSku,
            DropZeroAmount = SkipZeroAmount,
        };
    }

    private void ReadFile(string file, int index, int count)
    {
        var name = System.IO.Path.GetFileName(file);
        var lines = 0;
        _read.Add(file);
        _pending.Clear();
        try
        {
            foreach (var item in Session.RejectedLines.Read(_reader!, file, CancellationToken))
            {
                lines++;
                Handle(item, _pending);
                if (_progress!.IsDue)
                {
                    _progress.Report($"{name} (file {index + 1} of {count}): {lines:N0} lines", 100 * index / count);
                }
            }

            // A file without billing lines is refused (RejectedLinePolicy): BillingFileRejected at the end reports it, once.
            WriteVerbose($"Read {lines:N0} lines of {file}.");
        }
        catch (Exception exception) when (exception is BillingFormatException or BillingProfileException or IOException or UnauthorizedAccessException)
        {
            WriteErrorFor(exception, file);
        }

        Release(file, _pending);
    }

    /// <summary>Emits what the rejected-line rule lets through of a file (or of the piped objects) read whole.</summary>
    private void Release(string file, TransactionBuffer pending)
    {
        var verdict = Session.RejectedLines.Judge(new[] { file }, AcceptPartialFile);
        if (!verdict.IsRefused)
        {
            if (AcceptPartialFile)
            {
                Session.RejectedLines.AcceptPartial(file);
            }

            if (verdict.HeldBackCustomers.Count > 0)
            {
                WriteWarning($"Held back, because a rejected line of {file} names them: {string.Join(", ", verdict.HeldBackCustomers)}. None of their lines is emitted.");
            }

            foreach (var line in pending.Drain())
            {
                if (!verdict.HoldsBack(line.CustomerId))
                {
                    Emit(line);
                }
            }
        }
        else
        {
            pending.Clear();
        }
    }

    private void ReadPipelineObject()
    {
        switch (InputObject?.BaseObject)
        {
            case Transaction transaction:
                // Already read (and judged) by whoever read it.
                Emit(transaction);
                return;
            case FileInfo file:
                // Get-ChildItem output binds here by value before -LiteralPath could bind it by property name.
                ReadFile(file.FullName, 0, 1);
                return;
        }

        if (_objectIndex++ == 0)
        {
            _read.Add(BillingSourceReader.PipelineFile);
        }

        var item = _reader!.ReadObject(PropertyBag.From(InputObject!));
        if (item is not null)
        {
            Handle(item, _pendingObjects);
        }

        if (_progress!.IsDue)
        {
            _progress.Report($"{_objectIndex:N0} objects");
        }
    }

    private void Handle(BillingReadItem item, TransactionBuffer pending)
    {
        if (item.Problem is { } problem)
        {
            if (problem.File == BillingSourceReader.PipelineFile)
            {
                Session.RejectedLines.Record(problem);
            }

            var exception = new InvalidDataException(problem.ToString());
            WriteError(ErrorRecords.Create(exception, ErrorIds.BillingLineRejected, ErrorCategory.InvalidData, problem));
            return;
        }

        pending.Add(item.Transaction!);
    }

    private void Emit(Transaction line)
    {
        if (Summarize)
        {
            _collected.Add(line);
        }
        else
        {
            WriteObject(line);
        }
    }

    private List<string> ResolveLiterals(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            var file = SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
            if (File.Exists(file))
            {
                files.Add(file);
            }
            else
            {
                WriteError(ErrorRecords.Create(new FileNotFoundException($"Cannot find the file '{file}'.", file), ErrorIds.PathNotFound, ErrorCategory.ObjectNotFound, path));
            }
        }

        return files;
    }

    private static string SkipDetail(BillingReadSummary summary) =>
        summary.SkippedByRule.Count == 0 ? string.Empty : " (" + string.Join(", ", summary.SkippedByRule.Select(rule => $"{rule.Key} {rule.Value}")) + ")";
}
