using System.Management.Automation;
using Autotask.Billing.Infrastructure;
using Autotask.Billing.Reporting;

namespace Autotask.Billing.Commands;

/// <summary>
/// Writes the differences and sync results piped in — live, or re-imported with Import-Csv or Import-Clixml — to one
/// report file: a self-contained HTML page for accountants (totals, a chart of monthly impact by customer, each
/// customer's changes, unmapped items, sync failures), or CSV or JSON. The file is written whole or not at all.
/// </summary>
[Cmdlet(VerbsData.Export, "AtBillingReport", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(FileInfo))]
public sealed class ExportAtBillingReportCommand : AtBillingCmdlet
{
    private readonly BillingReportBuilder _builder = new();
    private ThrottledProgress? _progress;
    private int _read;

    /// <summary>The report file; its extension (.html, .csv, .json) picks the format unless -Format says otherwise.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = string.Empty;

    /// <summary>ContractDifference, SyncResult, SyncRunSummary and ComparisonSummary objects, or re-imported copies of them.</summary>
    [Parameter(ValueFromPipeline = true)]
    [AllowNull]
    public PSObject?[]? InputObject { get; set; }

    /// <summary>Html, Csv or Json; by default from the file extension.</summary>
    [Parameter]
    public ReportFormat? Format { get; set; }

    /// <summary>The report's heading (and the HTML page title).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string Title { get; set; } = "Autotask billing report";

    /// <summary>Overwrites an existing file.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Returns the file written.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void BeginProcessing() =>
        _progress = new ThrottledProgress(WriteProgress, ProgressActivities.WriteReport, "Writing the billing report");

    protected override void ProcessRecord()
    {
        foreach (var item in InputObject ?? Array.Empty<PSObject?>())
        {
            if (item is null)
            {
                continue;
            }

            _read++;
            try
            {
                _builder.Add(PropertyBag.From(item));
            }
            catch (ReportInputException exception)
            {
                WriteError(ErrorRecords.Create(exception, ErrorIds.ReportInputInvalid, ErrorCategory.InvalidData, item));
            }

            if (_progress!.IsDue)
            {
                _progress.Report($"{_read:N0} objects read");
            }
        }
    }

    protected override void EndProcessing()
    {
        try
        {
            WriteReport();
        }
        finally
        {
            _progress?.Dispose();
        }
    }

    private void WriteReport()
    {
        var path = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
        var format = Format ?? ReportFile.FormatFor(path);
        if (format is null)
        {
            var exception = new ArgumentException($"Cannot tell the report format from '{System.IO.Path.GetFileName(path)}'. Use a .html, .csv or .json file name, or -Format Html, Csv or Json.");
            ThrowTerminatingError(ErrorRecords.Create(exception, ErrorIds.InvalidArgument, ErrorCategory.InvalidArgument, Path));
        }

        if (!Force && File.Exists(path))
        {
            ThrowTerminatingError(ErrorRecords.Create(new ReportFileExistsException(path), ErrorIds.ReportFileExists, ErrorCategory.ResourceExists, path,
                "Use -Force to overwrite it, or choose another -Path."));
        }

        if (!ShouldProcess(path, $"Write a {format} billing report of {_builder.Count:N0} objects"))
        {
            return;
        }

        var report = _builder.Build(Title, DateTime.UtcNow);
        _progress!.Report($"Writing {System.IO.Path.GetFileName(path)}", force: true);
        try
        {
            Run(token => ReportFile.WriteAsync(report, path, format!.Value, Force, token));
        }
        catch (ReportFileExistsException exception)
        {
            ThrowTerminatingError(ErrorRecords.Create(exception, ErrorIds.ReportFileExists, ErrorCategory.ResourceExists, path, "Use -Force to overwrite it, or choose another -Path."));
        }
        catch (DirectoryNotFoundException exception)
        {
            ThrowTerminatingError(ErrorRecords.Create(exception, ErrorIds.PathNotFound, ErrorCategory.ObjectNotFound, path));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            ThrowTerminatingError(ErrorRecords.Create(exception, ErrorIds.ReportWriteFailed, ErrorCategory.WriteError, path));
        }

        WriteVerbose($"Wrote {path}: {report.Differences.Count} differences for {report.Customers.Count} customers, {report.SyncResults.Count} sync results.");
        if (PassThru)
        {
            WriteObject(new FileInfo(path));
        }
    }
}
