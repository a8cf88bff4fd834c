using System.Diagnostics;
using Autotask.Billing.Sync;
using Autotask.Billing.Tests.Mapping;

namespace Autotask.Billing.Tests.Sync;

/// <summary>
/// Two or three syncs of the same database started close together, each on its own client as separate processes
/// would be: the sync lock lets one write at a time, the others plan from what the first wrote, so nothing is written
/// twice and the units end exactly as planned.
/// </summary>
public sealed class ConcurrentSyncTests
{
    private const int Trials = 20;

    private static readonly Lazy<Task<IReadOnlyList<string>>> Reference = new(UninterruptedRunAsync);

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Overlapping_syncs_of_one_database_write_everything_exactly_once(int overlapping)
    {
        var reference = await Reference.Value;
        using var parallel = new SemaphoreSlim(4);
        var trials = Enumerable.Range(0, Trials).Select(async trial =>
        {
            await parallel.WaitAsync();
            try
            {
                return await OverlapAsync(overlapping, seed: (overlapping * 100) + trial);
            }
            finally
            {
                parallel.Release();
            }
        });

        foreach (var (summaries, fingerprint) in await Task.WhenAll(trials))
        {
            Assert.All(summaries, static s => Assert.Equal((0, 0, 0, 0), (s.Failed, s.NotRun, s.Unconfirmed, s.ExitCode)));
            Assert.Equal(50, summaries.Sum(static s => s.Applied));
            Assert.Equal(reference, fingerprint);
        }
    }

    [Fact]
    public async Task A_second_sync_waits_for_the_lock_and_then_stops_with_sync_in_progress_naming_the_holder()
    {
        using var folder = new TemporaryFolder();
        var store = folder.File("database.json");
        using var held = await SyncLock.AcquireAsync(store, TimeSpan.Zero);
        var waited = Stopwatch.StartNew();

        var refused = await Assert.ThrowsAsync<SyncInProgressException>(() => SyncLock.AcquireAsync(store, TimeSpan.FromMilliseconds(300)));

        Assert.InRange(waited.Elapsed, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(10));
        Assert.Equal(Environment.ProcessId, refused.OwnerProcessId);
        Assert.Contains($"pid {Environment.ProcessId}", refused.Message);
        Assert.Contains("Nothing was written", refused.Message);
    }

    [Fact]
    public async Task The_lock_is_free_again_once_the_holder_is_done_and_is_per_state_folder()
    {
        using var one = new TemporaryFolder();
        using var other = new TemporaryFolder();
        var first = await SyncLock.AcquireAsync(one.File("database.json"), TimeSpan.Zero);

        using (await SyncLock.AcquireAsync(other.File("database.json"), TimeSpan.Zero))
        {
            // A different state folder (another test run, another -StatePath) has its own lock.
        }

        var waiting = SyncLock.AcquireAsync(one.File("database.json"), TimeSpan.FromSeconds(10));
        await Task.Delay(100);
        Assert.False(waiting.IsCompleted);
        first.Dispose();
        using var second = await waiting;
        Assert.True(File.Exists(one.File("database.json") + SyncLock.LockSuffix));
    }

    [Fact]
    public async Task A_writer_without_the_lock_finds_each_keyed_record_right_before_creating_it()
    {
        var reference = await Reference.Value;
        using var tenant = new SyncTenant(FiftyOperationScenario.Today);
        var differences = FiftyOperationScenario.Seed(tenant);
        using var other = await tenant.ConnectAsync();
        var otherPlan = await SyncPlanner.PlanAsync(differences, tenant.Context(other));

        // Another machine planned from the same state, then this one ran first.
        var (_, first, _) = await tenant.SyncAsync(differences);
        var second = await SyncExecutor.ExecuteAsync(otherPlan, otherPlan.Operations.Select(static op => op.OperationId), new SyncOptions());

        Assert.Equal(50, first.Applied);
        Assert.Equal((0, 0, 0), (second.Applied, second.Failed, second.Unconfirmed));
        Assert.Equal(reference, tenant.Fingerprint());
    }

    private static async Task<(IReadOnlyList<SyncRunSummary> Summaries, IReadOnlyList<string> Fingerprint)> OverlapAsync(int overlapping, int seed)
    {
        using var tenant = new SyncTenant(FiftyOperationScenario.Today);
        using var state = new TemporaryFolder();
        var differences = FiftyOperationScenario.Seed(tenant);
        var random = new Random(seed);
        var staggers = Enumerable.Range(0, overlapping).Select(_ => random.Next(0, 501)).ToList();
        var runs = staggers.Select(async stagger =>
        {
            await Task.Delay(stagger);
            using var held = await SyncLock.AcquireAsync(state.File("database.json"), TimeSpan.FromSeconds(60));
            var (_, summary, _) = await tenant.SyncAsync(differences);
            return summary;
        });
        var summaries = await Task.WhenAll(runs);
        return (summaries, tenant.Fingerprint());
    }

    private static async Task<IReadOnlyList<string>> UninterruptedRunAsync()
    {
        using var tenant = new SyncTenant(FiftyOperationScenario.Today);
        await tenant.SyncAsync(FiftyOperationScenario.Seed(tenant));
        return tenant.Fingerprint();
    }
}
