using Autotask.Billing.Sync;
using Autotask.Billing.Tests.Mapping;
using Newtonsoft.Json.Linq;

namespace Autotask.Billing.Tests.Sync;

/// <summary>The run journal and the history read back from it (Get-AtSyncHistory).</summary>
public sealed class JournalTests : IDisposable
{
    private static readonly DateTime Today = new(2026, 11, 15, 0, 0, 0, DateTimeKind.Utc);

    private readonly SyncTenant _tenant = new(Today);
    private readonly TemporaryFolder _folder = new();
    private readonly IReadOnlyList<ContractDifference> _differences;

    public JournalTests()
    {
        var company = _tenant.Company("Contoso Ltd");
        var contract = _tenant.Contract(company, "Cloud services, Contoso", new DateTime(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc));
        _differences = new[]
        {
            Differences.Units(
                DifferenceKind.MissingService, "Contoso Ltd", "NEW-A", Today, 3, autotaskQuantity: 0, companyId: company,
                contractId: contract, effective: Today),
            Differences.Charge("Contoso Ltd", "SETUP", "T-1", Today, 1, 90m, 60m, company, contract),
        };
    }

    private SyncOptions Options => new() { JournalFolder = _folder.Path, RunBy = "jane.accountant", ModuleVersion = "1.2.3" };

    [Fact]
    public async Task The_journal_holds_the_header_the_plan_each_outcome_with_its_id_and_a_summary()
    {
        var (plan, summary, results) = await _tenant.SyncAsync(_differences, Options);

        var lines = File.ReadAllLines(summary.JournalPath!).Select(JObject.Parse).ToList();
        var header = lines[0];
        Assert.Equal("header", (string)header["record"]!);
        Assert.Equal(summary.RunId, (string)header["runId"]!);
        Assert.Equal(_tenant.Sandbox.ApiUser.UserName, (string)header["apiUser"]!);
        Assert.Equal("jane.accountant", (string)header["osUser"]!);
        Assert.Equal(Environment.MachineName, (string)header["machine"]!);
        Assert.Equal("1.2.3", (string)header["moduleVersion"]!);
        Assert.Equal(plan.Operations.Select(static op => op.OperationId), lines.Where(static l => (string)l["record"]! == "operation").Select(static l => (string)l["operationId"]!));
        var outcomes = lines.Where(static l => (string)l["record"]! == "result").ToList();
        Assert.Equal(results.Count, outcomes.Count);
        var charge = results.Single(static r => r.OperationKind == SyncOperationKind.CreateCharge);
        Assert.Equal(charge.AutotaskId, (long)outcomes.Single(o => (string)o["operationId"]! == charge.OperationId)["autotaskId"]!);
        Assert.Equal("summary", (string)lines[^1]["record"]!);
        Assert.Equal(summary.Applied, (int)lines[^1]["applied"]!);
    }

    [Fact]
    public async Task The_journal_never_contains_the_secret_or_the_integration_code()
    {
        var (_, summary, _) = await _tenant.SyncAsync(_differences, Options);

        var text = File.ReadAllText(summary.JournalPath!);
        Assert.DoesNotContain(_tenant.Sandbox.ApiUser.Secret, text);
        Assert.DoesNotContain(_tenant.Sandbox.ApiUser.IntegrationCode, text);
    }

    [Fact]
    public async Task History_lists_runs_newest_first_with_who_counts_and_completion()
    {
        var (_, first, _) = await _tenant.SyncAsync(_differences, Options);
        var (_, second, _) = await _tenant.SyncAsync(_differences, Options);

        var runs = SyncHistory.ListRuns(_folder.Path);
        var last = Assert.Single(SyncHistory.ListRuns(_folder.Path, last: 1));

        Assert.Equal(new[] { second.RunId, first.RunId }, runs.Select(static r => r.RunId));
        Assert.Equal(second.RunId, last.RunId);
        Assert.Equal((5, 0, true, 0), (runs[1].Applied, runs[1].Skipped, runs[1].Completed, runs[1].ExitCode));
        Assert.Equal((0, 3), (runs[0].Applied, runs[0].Skipped));
        Assert.Equal("jane.accountant", runs[0].OsUser);
        Assert.Equal(_tenant.Sandbox.ApiUser.UserName, runs[0].ApiUser);
        Assert.All(SyncHistory.ReadRun(_folder.Path, first.RunId)!.Results, static r => Assert.Equal(SyncStatus.Applied, r.Status));
        Assert.Null(SyncHistory.ReadRun(_folder.Path, "no-such-run"));
    }

    [Fact]
    public async Task A_crashed_run_with_a_torn_last_line_reads_as_not_completed()
    {
        var (_, summary, _) = await _tenant.SyncAsync(_differences, Options);
        var lines = File.ReadAllLines(summary.JournalPath!);
        File.WriteAllText(summary.JournalPath!, string.Join("\n", lines.Take(lines.Length - 2)) + "\n" + lines[^2].Substring(0, lines[^2].Length / 2));

        var run = Assert.Single(SyncHistory.ListRuns(_folder.Path));

        Assert.False(run.Completed);
        Assert.Null(run.FinishedUtc);
        Assert.Null(run.ExitCode);
        Assert.Equal(1, run.DamagedLines);
        Assert.Equal(5, run.Planned);
        Assert.Equal(4, run.Results.Count);
        Assert.Equal(1, run.Unfinished);
    }

    [Fact]
    public async Task A_write_held_back_for_missing_data_is_in_the_history_with_its_reason_and_no_failure()
    {
        var noBillingCode = SyncTenant.Settings with { RecurringBillingCodeId = null };
        var (_, summary, _) = await _tenant.SyncAsync(_differences, Options, settings: noBillingCode);

        var run = SyncHistory.ReadRun(_folder.Path, summary.RunId)!;

        Assert.Empty(run.Failures);
        var heldBack = run.Results.Single(static r => r.OperationKind == SyncOperationKind.CreateService);
        Assert.Equal((SyncStatus.Skipped, SyncReasonCode.IncompleteData), (heldBack.Status, heldBack.ReasonCode));
        Assert.Contains("billing code", heldBack.Reason);
        Assert.Equal(2, run.ExitCode);
    }

    public void Dispose()
    {
        _tenant.Dispose();
        _folder.Dispose();
    }
}
