using Autotask.Billing.Autotask;
using Autotask.Billing.Reconciliation;
using Autotask.Billing.Sandbox;
using static Autotask.Billing.Tests.Reconciliation.CompareTenant;

namespace Autotask.Billing.Tests.Reconciliation;

/// <summary>
/// A snapshot load whose read fails stops the reads it started alongside (the companies read as the contract pages
/// come in among them) and waits for them before it reports the failure: the failure reported is the read's own, no
/// request goes out after it, and no read's failure is left unobserved.
/// </summary>
public sealed class FailedSnapshotLoadTests : IDisposable
{
    private const int Customers = 600; // two pages of contracts

    private readonly CompareTenant _tenant = new();

    public FailedSnapshotLoadTests()
    {
        var basic = _tenant.AddService("CFQ7TTC0LH18", "Microsoft 365 Business Basic", 7.20m, 6.00m, map: false);
        for (var i = 0; i < Customers; i++)
        {
            _tenant.AddUnits(_tenant.AddCustomer($"Customer {i:0000}", map: false), basic, 1 + (i % 5));
        }
    }

    [Fact]
    public async Task A_failed_contract_service_read_stops_the_company_reads_started_alongside_and_is_the_error_reported()
    {
        var unobserved = new List<Exception>();
        void OnUnobserved(object? sender, UnobservedTaskExceptionEventArgs e)
        {
            // Other tests run alongside: only a failure of this test's sandbox reads counts.
            if (e.Exception.Flatten().InnerExceptions.Any(x => x is AutotaskApiException { EntityName: "Companies" or "ContractServices" }))
            {
                lock (unobserved)
                {
                    unobserved.Add(e.Exception);
                }
            }
        }

        TaskScheduler.UnobservedTaskException += OnUnobserved;
        try
        {
            // Small "in" chunks, so the company read is more requests than the endpoint takes at once: some wait in the client.
            using var client = await _tenant.Server.ConnectAsync(_tenant.Server.Options with { InChunkSize = 50 });
            var faults = _tenant.Server.Sandbox.Faults;
            var statistics = _tenant.Server.Sandbox.Statistics;
            using var companies = faults.Hold("Companies");
            using var contractServices = faults.Hold("ContractServices");
            faults.FailNext(1_000, SandboxFaultKind.InternalServerError, "ContractServices");
            faults.FailNext(1_000, SandboxFaultKind.InternalServerError, "Companies");

            var load = new ContractSnapshotLoader(client).LoadAsync(
                new ContractSelection { ActiveOnly = true, RecurringOnly = true }, new ContractSnapshotOptions { AsOf = AsOf });

            // The company read has started from the first contract page (its requests are held) when the contract
            // services fail.
            await companies.Arrived.WaitAsync(TimeSpan.FromSeconds(30));
            await contractServices.Arrived.WaitAsync(TimeSpan.FromSeconds(30));
            contractServices.Dispose();

            var error = await Assert.ThrowsAsync<AutotaskApiException>(() => load.WaitAsync(TimeSpan.FromSeconds(60)));
            var failedAt = DateTime.UtcNow;
            Assert.Equal("ContractServices", error.EntityName);
            Assert.Equal(500, error.StatusCode);

            // Had the company reads been left running, the held ones would now be answered and the waiting ones sent.
            companies.Dispose();
            await QuietAsync(statistics);
            var late = statistics.RequestLog.Where(entry => entry.Timestamp - entry.Duration > failedAt).ToList();
            Assert.True(late.Count == 0, $"{late.Count} request(s) arrived after the load failed: {string.Join(", ", late.Select(e => e.Endpoint).Distinct())}.");

            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            lock (unobserved)
            {
                Assert.Empty(unobserved);
            }
        }
        finally
        {
            TaskScheduler.UnobservedTaskException -= OnUnobserved;
        }
    }

    public void Dispose() => _tenant.Dispose();

    // Proving that nothing more arrives takes a window: until no request has ended for a while.
    private static async Task QuietAsync(SandboxStatistics statistics)
    {
        var quietFor = TimeSpan.FromMilliseconds(400);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        var seen = statistics.TotalRequests;
        var since = DateTime.UtcNow;
        while (DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
            var now = statistics.TotalRequests;
            if (now != seen)
            {
                seen = now;
                since = DateTime.UtcNow;
            }
            else if (DateTime.UtcNow - since >= quietFor)
            {
                return;
            }
        }
    }
}
