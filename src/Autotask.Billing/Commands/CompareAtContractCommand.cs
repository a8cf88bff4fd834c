using System.Management.Automation;
using Autotask.Billing.Autotask;
using Autotask.Billing.Completers;
using Autotask.Billing.Infrastructure;
using Autotask.Billing.Mapping;
using Autotask.Billing.Reconciliation;

namespace Autotask.Billing.Commands;

/// <summary>
/// Compares vendor billing lines with the Autotask contracts they map to and emits one ContractDifference per
/// customer × SKU that needs attention (and per one-time or usage line), with the reason, the money impact per month,
/// the proposed effective date and where it came from. Autotask is read in bulk for all mapped contracts at once.
/// </summary>
[Cmdlet(VerbsData.Compare, "AtContract", DefaultParameterSetName = PipelineSet)]
[OutputType(typeof(ContractDifference))]
[OutputType(typeof(ComparisonSummary))]
public sealed class CompareAtContractCommand : MappingCmdlet
{
    private const string PipelineSet = "Pipeline";
    private const string PathSet = "Path";

    // From this many lines the reading's leftovers are collected before the compare sums up (see EndProcessing).
    private const int LargeRunLines = 50_000;

    private readonly HashSet<string> _files = new(StringComparer.Ordinal);

    // Taken in as they arrive: held compactly, sorted and (with a known as-of date) summed while the rest is read.
    private ComparisonLines? _lines;

    // Takes the lines in on another thread while this one binds the next (ComparisonLinesIntake); Complete hands them back.
    private ComparisonLinesIntake? _intake;
    private BillingSourceReader? _reader;
    private BillingWindow? _window;
    private MappingDocument? _mapping;
    private ContractPrefetch? _prefetch;
    private bool _everyCompanyAsked;

    /// <summary>Billing lines from Get-AtTransaction (raw or -Summarize'd), or objects with the same property names (Import-Csv rows).</summary>
    [Parameter(ParameterSetName = PipelineSet, Mandatory = true, ValueFromPipeline = true)]
    public PSObject? InputObject { get; set; }

    /// <summary>Shortcut: vendor export files to read, as Get-AtTransaction -Path would.</summary>
    [Parameter(ParameterSetName = PathSet, Mandatory = true, Position = 0)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = Array.Empty<string>();

    /// <summary>The format of the -Path files; detected when omitted.</summary>
    [Parameter(ParameterSetName = PathSet)]
    [ArgumentCompleter(typeof(BillingFormatCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Format { get; set; }

    /// <summary>The culture the -Path files write slash dates in (en-GB: day/month/year, en-US: month/day/year); without it a date such as 08/10/2026 is rejected.</summary>
    [Parameter(ParameterSetName = PathSet)]
    [ValidateNotNullOrEmpty]
    public string? Culture { get; set; }

    /// <summary>The billing month, yyyy-MM; its last day is the default as-of date.</summary>
    [Parameter]
    [ValidatePattern(@"^\d{4}-(0[1-9]|1[0-2])$")]
    public string? Month { get; set; }

    /// <summary>First service date of the window (with -Until instead of -Month).</summary>
    [Parameter]
    public DateTime? Since { get; set; }

    /// <summary>Last service date of the window; the default as-of date.</summary>
    [Parameter]
    public DateTime? Until { get; set; }

    /// <summary>The date whose quantities are compared; default the end of the window the lines came from.</summary>
    [Parameter]
    public DateTime? AsOf { get; set; }

    /// <summary>Also emits customer × SKU pairs that are already in step (kind Match).</summary>
    [Parameter]
    public SwitchParameter IncludeMatch { get; set; }

    /// <summary>When changes take effect: ChangeDate (the vendor's), PeriodStart or NextPeriodStart; default from the mapping and settings.</summary>
    [Parameter]
    public EffectiveDatePolicy? EffectiveDatePolicy { get; set; }

    /// <summary>What to do with services no longer billed: AdjustToZero or ReportOnly; default from the settings.</summary>
    [Parameter]
    public RemovalPolicy? RemovalPolicy { get; set; }

    /// <summary>What to do with the services of a mapped customer that has no line at all in the bill: ReportOnly (default) or AdjustToZero.</summary>
    [Parameter]
    public RemovalPolicy? AbsentCustomerPolicy { get; set; }

    /// <summary>A quantity change larger than this percentage (and -ChangeThresholdUnits) needs -Force in Sync-AtContract.</summary>
    [Parameter]
    [ValidateRange(0, 100000)]
    public decimal? ChangeThresholdPercent { get; set; }

    /// <summary>The smallest change in units that the percentage threshold applies to.</summary>
    [Parameter]
    [ValidateRange(0, 1000000)]
    public decimal? ChangeThresholdUnits { get; set; }

    /// <summary>The Autotask database's currency; lines in another currency are reported, never converted. Default: the billing settings' (USD unless set).</summary>
    [Parameter]
    [ValidatePattern("^[A-Za-z]{3}$")]
    public string? Currency { get; set; }

    /// <summary>Carries usage (Azure plans) of SKUs mapped to a service as that service with quantity 1 and the month's total as price. Default: the billing settings'; -UsageAsService:$false turns it off for the run.</summary>
    [Parameter]
    public SwitchParameter UsageAsService { get; set; }

    /// <summary>
    /// Uses the readable rest of a billing file that has rejected lines. Without it such a file stops the compare;
    /// with it, every customer named by a rejected line is held back (no difference of theirs is written out).
    /// </summary>
    [Parameter]
    public SwitchParameter AcceptPartialFile { get; set; }

    /// <summary>Writes a ComparisonSummary (counts by kind, money impact, requests used) after the differences.</summary>
    [Parameter]
    public SwitchParameter Summary { get; set; }

    protected override void BeginProcessing()
    {
        Session.RejectedLines.StartFile(BillingSourceReader.PipelineFile);
        try
        {
            _window = BillingReadArguments.Window(Month, Since, Until);
            var (format, profile) = BillingReadArguments.Format(Format, profilePath: null);
            // Files are read with Get-AtTransaction's default window (BillingReadOptions decides it); piped lines were
            // already chosen by whoever read them, so only an explicit window narrows them.
            var window = ParameterSetName == PathSet ? _window : _window ?? BillingWindow.Unbounded;
            _reader = new BillingSourceReader(new BillingReadOptions
            {
                Window = window,
                Format = format,
                Profile = profile,
                Culture = BillingReadArguments.Culture(Culture),
            });
            if (ParameterSetName == PathSet)
            {
                _window = _reader.Window;
                WriteVerbose($"Reading billing lines with service dates in {_window}.");
            }
        }
        catch (Exception exception) when (exception is BillingProfileException or ArgumentException)
        {
            ThrowTerminatingErrorFor(exception, Format ?? Culture ?? Month);
        }

        // The mapping is read now: it sorts the lines as they arrive, and is what the run compares against.
        _mapping = ReadDocument();
        try
        {
            _lines = new ComparisonLines(_mapping, Options());
            _intake = new ComparisonLinesIntake(_lines);
        }
        catch (ArgumentException exception)
        {
            ThrowTerminatingErrorFor(exception, StorePath);
        }

        StartReadingAutotask();
    }

    /// <summary>Once connected, the mapped contracts are read from Autotask while the billing lines are still being read and summarised.</summary>
    private void StartReadingAutotask()
    {
        if (Session.Connection is not { } connection)
        {
            return;
        }

        _prefetch = new ContractComparer(connection.Client).Prefetch(_mapping!, Options(), CancellationToken);
        WriteVerbose($"Reading the {_prefetch.ContractIds.Count} mapped contracts from Autotask while the billing lines are read.");
    }

    protected override void ProcessRecord()
    {
        if (ParameterSetName == PathSet)
        {
            ReadFiles();
            return;
        }

        switch (InputObject?.BaseObject)
        {
            case Transaction line:
                _intake!.Add(line);
                _files.Add(line.SourceFile);
                break;
            case TransactionSummary summary:
                _intake!.Add(summary);
                break;
            default:
                Accept(_reader!.ReadObject(PropertyBag.From(InputObject!)));
                break;
        }

        ReadEveryCompanyOnceNeeded();
    }

    protected override void EndProcessing()
    {
        // Every line is in: what only the reading needed (the ids seen, for duplicates) goes before the compare sums up.
        _reader = null;
        var verdict = Session.RejectedLines.Judge(_files, AcceptPartialFile);
        if (verdict.IsRefused)
        {
            ThrowTerminatingError(ErrorRecords.Create(
                new InvalidDataException(verdict.Describe()), ErrorIds.BillingFileRejected, ErrorCategory.InvalidData, verdict.RefusedFiles));
        }

        ComparisonLines lines;
        try
        {
            lines = _intake!.Complete();
        }
        catch (IOException exception)
        {
            // The lines could not be held in the temporary file (the disk failed or is full): nothing is compared.
            ThrowTerminatingErrorFor(exception, System.IO.Path.GetTempPath());
            return;
        }

        if (lines.LineCount == 0 && lines.SummaryCount == 0)
        {
            // A compare without lines would propose removing every mapped service.
            ThrowTerminatingError(ErrorRecords.Create(
                new InvalidDataException("No billing lines to compare: no file matched, or the files and objects held none. Nothing was compared."),
                ErrorIds.NoBillingLines, ErrorCategory.InvalidData, null));
        }

        if (verdict.HeldBackCustomers.Count > 0)
        {
            WriteWarning($"Held back, because a rejected line names them: {string.Join(", ", verdict.HeldBackCustomers)}. Nothing of theirs is compared for sync.");
        }

        var connection = RequireConnection();
        if (lines.LineCount >= LargeRunLines)
        {
            // A month's file leaves the reading's garbage (decoded lines, Autotask's pages) in the oldest generation,
            // where the collector would find it only after the compare's own allocations had grown the process further:
            // one full collection here lowers the peak (197,840 lines: 258–269 MB → 236–250 MB). Small runs skip the pause.
            // On .NET 8+ it also compacts and gives the freed memory back (Aggressive): 15–20 MB less at 1M lines.
#if NET8_0_OR_GREATER
            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
#else
            GC.Collect();
#endif
        }

        WriteVerbose($"Comparing {lines.LineCount} billing lines and {lines.SummaryCount} summarised lines with Autotask, using the mappings in {StorePath}.");
        using var progress = new ThrottledProgress(WriteProgress, ProgressActivities.Compare, "Comparing vendor billing with Autotask contracts");
        progress.Report("Reading the mapped contracts, services and units from Autotask in bulk", force: true);
        var found = 0;
        ComparisonSummary summary;
        try
        {
            summary = Run(async token =>
            {
                var run = new ContractComparer(connection.Client).Compare(lines, verdict.HeldBackCustomers, _prefetch);
                await foreach (var difference in run.WithCancellation(token).ConfigureAwait(false))
                {
                    Post(() =>
                    {
                        found++;
                        progress.Report($"{found} differences found");
                        WriteObject(difference);
                    });
                }

                return run.Summary;
            });
        }
        catch (Exception exception) when (exception is AutotaskException or HttpRequestException or ArgumentException)
        {
            ThrowTerminatingErrorFor(exception, StorePath);
            return;
        }
        catch (IOException exception)
        {
            // Lines held in the temporary file could not be read back (the disk failed): nothing was compared for sync.
            ThrowTerminatingErrorFor(exception, System.IO.Path.GetTempPath());
            return;
        }

        WriteVerbose(summary.ToString());
        if (summary.SkippedNotExported > 0)
        {
            WriteVerbose($"{summary.SkippedNotExported} customers ({summary.SkippedNotExportedLines} lines) skipped: their mapping's export flag is off.");
        }

        if (summary.LinesBeforeSyncStart > 0)
        {
            WriteVerbose($"{summary.LinesBeforeSyncStart} lines skipped: their service ended before the customer's sync start date.");
        }

        if (summary.ExcludedSkuLines > 0)
        {
            WriteVerbose($"{summary.ExcludedSkuLines} lines skipped: their SKU is excluded in the SKU mappings.");
        }

        if (Summary)
        {
            WriteObject(summary);
        }
    }

    protected override void Release()
    {
        _intake?.Dispose();
        _lines?.Dispose();
    }

    private CompareOptions Options() => new()
    {
        AsOf = UtcDate.From(AsOf),
        Window = _window,
        IncludeMatch = IncludeMatch,
        EffectiveDatePolicy = EffectiveDatePolicy,
        RemovalPolicy = RemovalPolicy,
        AbsentCustomerPolicy = AbsentCustomerPolicy ?? Mapping.RemovalPolicy.ReportOnly,
        QuantityChangeThresholdPercent = ChangeThresholdPercent,
        QuantityChangeMinimumUnits = ChangeThresholdUnits,
        Currency = Currency?.ToUpperInvariant(),
        UsageAsService = MyInvocation.BoundParameters.ContainsKey(nameof(UsageAsService)) ? UsageAsService.IsPresent : null,
    };

    private void ReadFiles()
    {
        // A path that matches nothing stops the run: comparing the other files alone would make its customers look removed.
        foreach (var file in ExportPaths.Resolve(this, Path, stopOnMissing: true))
        {
            _files.Add(file);
            try
            {
                foreach (var item in Session.RejectedLines.Read(_reader!, file, CancellationToken))
                {
                    Accept(item);
                    ReadEveryCompanyOnceNeeded();
                }
            }
            catch (Exception exception) when (exception is BillingFormatException or BillingProfileException or IOException or UnauthorizedAccessException)
            {
                WriteErrorFor(exception, file);
            }
        }
    }

    /// <summary>
    /// A line of an unmapped customer means the compare will read every company (for its suggestions): from that line on,
    /// while the rest still arrives, not once the last has.
    /// </summary>
    private void ReadEveryCompanyOnceNeeded()
    {
        if (!_everyCompanyAsked && _prefetch is not null && _intake!.NeedsAllCompanies)
        {
            _everyCompanyAsked = true;
            _prefetch.ReadEveryCompany();
            WriteVerbose("A line of an unmapped customer came in: reading every company from Autotask now, for the suggestions.");
        }
    }

    private void Accept(BillingReadItem? item)
    {
        if (item?.Problem is { } problem)
        {
            if (problem.File == BillingSourceReader.PipelineFile)
            {
                Session.RejectedLines.Record(problem);
            }

            _files.Add(problem.File);
            WriteError(ErrorRecords.Create(new InvalidDataException(problem.ToString()), ErrorIds.BillingLineRejected, ErrorCategory.InvalidData, problem));
        }
        else if (item?.Transaction is { } line)
        {
            _intake!.Add(line);
        }
    }
}
