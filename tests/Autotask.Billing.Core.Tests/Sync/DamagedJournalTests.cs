using Autotask.Billing.Sync;
using Autotask.Billing.Tests.Mapping;

namespace Autotask.Billing.Tests.Sync;

/// <summary>Hand-edited or torn journal lines are reported by file and line and skipped; every other run still shows.</summary>
public sealed class DamagedJournalTests
{
    [Fact]
    public void A_hand_edited_journal_line_is_skipped_with_its_line_number_and_the_other_runs_still_list()
    {
        using var folder = new TemporaryFolder();
        Write(folder, "20261101-000000-aaaaaaaa", "2026-11-01T00:00:00Z", "12");
        Write(folder, "20261102-000000-bbbbbbbb", "2026-11-02T00:00:00Z", "12");
        var edited = Write(folder, "20261103-000000-cccccccc", "2026-11-03T00:00:00Z", "not-a-number", finished: "31.13.2026 25:61");

        var runs = SyncHistory.ListRuns(folder.Path);

        Assert.Equal(new[] { "20261103-000000-cccccccc", "20261102-000000-bbbbbbbb", "20261101-000000-aaaaaaaa" }, runs.Select(static r => r.RunId));
        var damaged = runs[0];
        Assert.Equal(edited, damaged.JournalPath);
        Assert.Equal(new[] { 3, 4 }, damaged.DamagedLineNumbers);
        Assert.Equal(2, damaged.DamagedLines);
        Assert.False(damaged.Completed);
        Assert.All(runs.Skip(1), static run => Assert.Empty(run.DamagedLineNumbers));
        Assert.All(runs.Skip(1), static run => Assert.Single(run.Results));
    }

    [Fact]
    public void A_journal_with_a_damaged_header_is_left_out_and_does_not_stop_the_others()
    {
        using var folder = new TemporaryFolder();
        Write(folder, "20261101-000000-aaaaaaaa", "2026-11-01T00:00:00Z", "12");
        Write(folder, "20261102-000000-bbbbbbbb", "yesterday", "12");
        File.WriteAllText(Path.Combine(folder.Path, "sync-20261104-000000-dddddddd.jsonl"), "\0\0\0{{{ not json\n");

        var runs = SyncHistory.ListRuns(folder.Path);

        Assert.Equal("20261101-000000-aaaaaaaa", Assert.Single(runs).RunId);
    }

    private static string Write(TemporaryFolder folder, string runId, string started, string autotaskId, string finished = "2026-11-01T00:01:00Z")
    {
        var path = Path.Combine(folder.Path, $"sync-{runId}.jsonl");
        File.WriteAllLines(path, new[]
        {
            $"{{\"record\":\"header\",\"runId\":\"{runId}\",\"startedUtc\":\"{started}\",\"apiUser\":\"api@example.test\",\"osUser\":\"admin\",\"machine\":\"M\",\"operations\":1}}",
            "{\"record\":\"operation\",\"operationId\":\"OP1\",\"kind\":\"CreateCharge\"}",
            $"{{\"record\":\"result\",\"operationId\":\"OP1\",\"kind\":\"CreateCharge\",\"status\":\"Applied\",\"reasonCode\":\"None\",\"autotaskId\":\"{autotaskId}\",\"finishedUtc\":\"2026-11-01T00:00:30Z\"}}",
            $"{{\"record\":\"summary\",\"finishedUtc\":\"{finished}\",\"exitCode\":0}}",
        });
        return path;
    }
}
