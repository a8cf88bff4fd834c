using System.Text;

namespace Autotask.Billing.Tests.Billing;

/// <summary>Files for billing tests: the shared vendor samples beside the repo, and a private temp folder.</summary>
internal sealed class BillingTestFiles : IDisposable
{
    private static readonly Lazy<string> SamplesFolder = new(FindSamples);

    public BillingTestFiles()
    {
        Folder = Path.Combine(Path.GetTempPath(), "atb-billing-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    /// <summary>A file of shared/billing-formats/samples (the repo is checked out with shared/ beside it).</summary>
    public static string Sample(string name) => Path.Combine(SamplesFolder.Value, name);

    public string Write(string name, string content, Encoding? encoding = null)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, content, encoding ?? new UTF8Encoding(false));
        return path;
    }

    public string WriteBytes(string name, byte[] content)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A scanner holding a file open must not fail the test; the OS cleans the temp folder.
        }
    }

    /// <summary>Reads everything with an unbounded window unless the options say otherwise.</summary>
    public static (List<Transaction> Transactions, List<BillingLineProblem> Problems, BillingSourceReader Reader) ReadAll(
        BillingReadOptions? options, params string[] paths)
    {
        var reader = new BillingSourceReader(options ?? new BillingReadOptions { Window = BillingWindow.Unbounded });
        var items = reader.Read(paths, CancellationToken.None).ToList();
        return (
            items.Where(i => i.Transaction is not null).Select(i => i.Transaction!).ToList(),
            items.Where(i => i.Problem is not null).Select(i => i.Problem!).ToList(),
            reader);
    }

    private static string FindSamples()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "AutotaskBilling.sln")))
        {
            directory = directory.Parent;
        }

        if (directory is null)
        {
            throw new InvalidOperationException("AutotaskBilling.sln not found above " + AppContext.BaseDirectory);
        }

        // shared/ sits beside the repo; a git worktree nests the repo one level deeper, so look further up too.
        for (var candidate = directory; candidate is not null; candidate = candidate.Parent)
        {
            var samples = Path.Combine(candidate.FullName, "..", "shared", "billing-formats", "samples");
            if (Directory.Exists(samples))
            {
                return Path.GetFullPath(samples);
            }
        }

        throw new InvalidOperationException("shared/billing-formats/samples not found beside " + directory.FullName);
    }
}
