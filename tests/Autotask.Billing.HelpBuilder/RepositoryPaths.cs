namespace Autotask.Billing.HelpBuilder;

/// <summary>Where the docs, the built module and the cmdlets' doc comments live in the repository.</summary>
public sealed class RepositoryPaths
{
    public const string ModuleName = "Autotask.Billing";
    public const string MamlFileName = "Autotask.Billing.dll-Help.xml";

    public RepositoryPaths(string root)
    {
        Root = root;
    }

    public string Root { get; }

    public string Docs => Path.Combine(Root, "docs");

    public string HelpOutput => Path.Combine(Docs, "en-US");

    public string ModuleAssembly => Path.Combine(Root, "out", ModuleName, "net8.0", ModuleName + ".dll");

    public static RepositoryPaths Find(string? root)
    {
        if (root is not null)
        {
            return new RepositoryPaths(Path.GetFullPath(root));
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "AutotaskBilling.sln")))
                {
                    return new RepositoryPaths(folder.FullName);
                }
            }
        }

        throw new InvalidOperationException("AutotaskBilling.sln not found above the current folder; pass --repository <path>.");
    }

    /// <summary>
    /// The XML doc file of the cmdlet project's net8.0 build: the configuration this tool was built in first (its
    /// project reference built that one), else the newest.
    /// </summary>
    public string? FindDocCommentsFile()
    {
        var bin = Path.Combine(Root, "src", ModuleName, "bin");
        if (!Directory.Exists(bin))
        {
            return null;
        }

        var ownConfiguration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent?.Name;
        var preferred = ownConfiguration is null ? null : Path.Combine(bin, ownConfiguration, "net8.0", ModuleName + ".xml");
        if (preferred is not null && File.Exists(preferred))
        {
            return preferred;
        }

        return Directory.GetFiles(bin, ModuleName + ".xml", SearchOption.AllDirectories)
            .Where(path => path.Contains("net8.0", StringComparison.Ordinal))
            .OrderByDescending(File.GetLastWriteTimeUtc)
            .FirstOrDefault();
    }
}
