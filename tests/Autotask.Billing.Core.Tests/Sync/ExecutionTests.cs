using Autotask.Billing.Sync;
using Autotask.Billing.Tests.Autotask;
using Autotask.Billing.Tests.Mapping;

namespace Autotask.Billing.Tests.Sync;

/// <summary>How the executor schedules, stops and reports: parallel contracts, the budget, cancellation, progress.</summary>
public sealed class ExecutionTests
{
    [Fact]
    public async Task Independent_contracts_proceed_in_parallel_within_three_requests_per_endpoint()
    {
        using var tenant = new SyncTenant(FiftyOperationScenario.Today);
        var differences = ManyQuantityChanges(tenant, contracts: 20, servicesPerContract: 3);
        tenant.Sandbox.Faults.AddLatency(TimeSpan.FromMilliseconds(5));
        var progress = new List<SyncProgress>();

        using var client = await tenant.ConnectAsync();
        var plan = await SyncPlanner.PlanAsync(differences, tenant.Context(client));
        var summary = await SyncExecutor.ExecuteAsync(
            plan, plan.Operations.Select(static op => op.OperationId), new SyncOptions(), null, new SynchronousProgress<SyncProgress>(progress.Add));

        Assert.Equal(60, summary.Applied);
        Assert.All(tenant.Sandbox.Statistics.Endpoints, static e => Assert.True(e.MaxConcurrent <= 3, e.Endpoint));
        Assert.Equal(3, tenant.Sandbox.Statistics.Endpoint("ContractServiceAdjustments").MaxConcurrent);
        Assert.Equal(Enumerable.Range(1, 60), progress.Select(static p => p.Completed));
        Assert.Equal(100, progress[^1].PercentComplete);
    }

    [Fact]
    public async Task When_the_request_budget_runs_out_the_rest_is_not_run_and_a_rerun_finishes_the_job()
    {
        using var reference = new SyncTenant(FiftyOperationScenario.Today);
        await reference.SyncAsync(FiftyOperationScenario.Seed(reference));
        using var tenant = new SyncTenant(FiftyOperationScenario.Today);
        var differences = FiftyOperationScenario.Seed(tenant);

        var (_, stopped, results) = await tenant.SyncAsync(differences, clientOptions: tenant.PatientOptions with { RequestBudget = 30 });
        var (_, rerun, _) = await tenant.SyncAsync(differences);

        Assert.True(stopped.BudgetExhausted);
        Assert.Equal((0, 1), (stopped.Failed, stopped.ExitCode));
        Assert.True(stopped.NotRun > 0);
        Assert.All(results.Where(static r => r.Status == SyncStatus.NotRun), static r => Assert.Equal(SyncReasonCode.BudgetExhausted, r.ReasonCode));
        Assert.Contains("budget", results.First(static r => r.Status == SyncStatus.NotRun).Reason);
        Assert.Equal((0, 0), (rerun.Failed, rerun.ExitCode));
        Assert.Equal(reference.Fingerprint(), tenant.Fingerprint());
    }

    [Fact]
    public async Task A_cancelled_run_journals_every_operation_and_marks_the_rest_not_run()
    {
        using var folder = new TemporaryFolder();
        using var tenant = new SyncTenant(FiftyOperationScenario.Today);
        var differences = FiftyOperationScenario.Seed(tenant);
        using var cancel = new CancellationTokenSource();
        var reported = 0;

        var (_, summary, results) = await tenant.SyncAsync(
            differences,
            new SyncOptions { JournalFolder = folder.Path },
            onResult: _ =>
            {
                if (++reported == 10)
                {
                    cancel.Cancel();
                }
            },
            cancellationToken: cancel.Token);

        var run = SyncHistory.ReadRun(folder.Path, summary.RunId)!;
        Assert.True(summary.Cancelled);
        Assert.Equal(50, results.Count);
        Assert.True(summary.NotRun > 0);
        Assert.All(results.Where(static r => r.Status == SyncStatus.NotRun), static r => Assert.Equal(SyncReasonCode.Cancelled, r.ReasonCode));
        Assert.Equal(results.Select(static r => (r.OperationId, r.Status)), run.Results.Select(static r => (r.OperationId, r.Status)));
        Assert.True(run.Completed);
        Assert.Equal(1, run.ExitCode);
    }

    private static List<ContractDifference> ManyQuantityChanges(SyncTenant tenant, int contracts, int servicesPerContract)
    {
        var start = new DateTime(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc);
        var services = Enumerable.Range(1, servicesPerContract).Select(i => (Id: tenant.Service($"SKU-{i}"), Sku: $"SKU-{i}")).ToList();
        var differences = new List<ContractDifference>();
        for (var c = 1; c <= contracts; c++)
        {
            var company = tenant.Company($"Customer {c:00}");
            var contract = tenant.Contract(company, $"Cloud services, Customer {c:00}", start);
            foreach (var (serviceId, sku) in services)
            {
                var line = tenant.Units(contract, serviceId, start, 10);
                differences.Add(Differences.Units(
                    DifferenceKind.QuantityChange, $"Customer {c:00}", sku, tenant.Today, 12, autotaskQuantity: 10, companyId: company,
                    contractId: contract, serviceId: serviceId, contractServiceId: line, effective: tenant.Today));
            }
        }

        return differences;
    }
}
