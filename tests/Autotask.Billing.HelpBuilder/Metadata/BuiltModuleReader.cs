using System.Reflection;

namespace Autotask.Billing.HelpBuilder.Metadata;

/// <summary>Reads the cmdlets of the module the build laid out in out/, through MetadataLoadContext (never loaded).</summary>
public static class BuiltModuleReader
{
    public static IReadOnlyList<CommandMetadata> ReadCmdlets(RepositoryPaths paths, TextWriter log)
    {
        var assemblyPath = paths.ModuleAssembly;
        if (!File.Exists(assemblyPath))
        {
            throw new InvalidOperationException($"The module is not built: {assemblyPath} is missing. Run 'dotnet build AutotaskBilling.sln'.");
        }

        var comments = DocComments.None;
        if (paths.FindDocCommentsFile() is { } documentation)
        {
            comments = DocComments.Load(documentation);
        }
        else
        {
            log.WriteLine("warning: no XML doc comments found for Autotask.Billing (GenerateDocumentationFile); new descriptions start empty.");
        }

        var binaryFolder = Path.GetDirectoryName(assemblyPath)!;
        var searchPaths = Directory.GetFiles(binaryFolder, "*.dll")
            .Concat(Directory.GetFiles(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "*.dll"))
            .Append(Path.Combine(AppContext.BaseDirectory, "System.Management.Automation.dll"));
        using var context = new MetadataLoadContext(new PathAssemblyResolver(searchPaths));
        var assembly = context.LoadFromAssemblyPath(assemblyPath);
        var switchParameter = context.LoadFromAssemblyName("System.Management.Automation")
            .GetType("System.Management.Automation.SwitchParameter", throwOnError: true)!;
        return assembly.GetTypes()
            .Where(type => type.IsPublic && !type.IsAbstract && DerivesFromCmdlet(type))
            .Select(type => new CommandMetadata(type, comments, switchParameter))
            .OrderBy(command => command.Name, StringComparer.Ordinal)
            .ToList();
    }

    private static bool DerivesFromCmdlet(Type type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.FullName == "System.Management.Automation.Cmdlet")
            {
                return true;
            }
        }

        return false;
    }
}
