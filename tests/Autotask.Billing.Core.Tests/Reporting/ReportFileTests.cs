using Autotask.Billing.Reporting;
using Autotask.Billing.Tests.Mapping;

namespace Autotask.Billing.Tests.Reporting;

public sealed class ReportFileTests
{
    private const string Previous = "the previous report";

    [Fact]
    public async Task An_existing_file_is_left_untouched_without_overwrite()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("report.html");
        await File.WriteAllTextAsync(path, Previous);

        var failure = await Assert.ThrowsAsync<ReportFileExistsException>(() =>
            ReportFile.WriteAsync(ReportSamples.Build(ReportSamples.MixedRun()), path, ReportFormat.Html, overwrite: false, CancellationToken.None));

        Assert.Equal(path, failure.Path);
        Assert.Contains("already exists", failure.Message);
        Assert.Equal(Previous, await File.ReadAllTextAsync(path));
        Assert.Single(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public async Task Overwrite_replaces_an_existing_file_whole()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("report.json");
        await File.WriteAllTextAsync(path, Previous);

        await ReportFile.WriteAsync(ReportSamples.Build(ReportSamples.MixedRun()), path, ReportFormat.Json, overwrite: true, CancellationToken.None);

        Assert.StartsWith("{", await File.ReadAllTextAsync(path));
        Assert.Single(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public async Task A_write_that_fails_halfway_leaves_the_old_file_and_no_temporary_file()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("report.html");
        await File.WriteAllTextAsync(path, Previous);

        await Assert.ThrowsAsync<IOException>(() => AtomicFile.WriteAsync(path, overwrite: true, async (stream, token) =>
        {
            await stream.WriteAsync(new byte[4096], token);
            await stream.FlushAsync(token);
            throw new IOException("The disk is full.");
        }, CancellationToken.None));

        Assert.Equal(Previous, await File.ReadAllTextAsync(path));
        Assert.Single(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public async Task A_cancelled_write_leaves_the_old_file_and_no_temporary_file()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("report.csv");
        await File.WriteAllTextAsync(path, Previous);
        using var cancellation = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => AtomicFile.WriteAsync(path, overwrite: true, async (stream, token) =>
        {
            await stream.WriteAsync(new byte[16], token);
            cancellation.Cancel();
        }, cancellation.Token));

        Assert.Equal(Previous, await File.ReadAllTextAsync(path));
        Assert.Single(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public async Task A_missing_folder_is_a_clear_error()
    {
        using var folder = new TemporaryFolder();
        var path = Path.Combine(folder.Path, "no-such-folder", "report.html");

        var failure = await Assert.ThrowsAsync<DirectoryNotFoundException>(() =>
            ReportFile.WriteAsync(ReportSamples.Build(ReportSamples.MixedRun()), path, ReportFormat.Html, overwrite: false, CancellationToken.None));

        Assert.Contains("no-such-folder", failure.Message);
    }
}
