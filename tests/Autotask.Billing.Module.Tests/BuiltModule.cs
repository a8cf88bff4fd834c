using System.Reflection;

namespace Autotask.Billing.Module.Tests;

/// <summary>The module folder the build lays out in out/, opened read-only through MetadataLoadContext.</summary>
public sealed class BuiltModule : IDisposable
{
    private readonly MetadataLoadContext _context;

    public BuiltModule()
    {
        RepositoryRoot = FindRepositoryRoot();
        ModuleFolder = Path.Combine(RepositoryRoot, "out", "Autotask.Billing");
        var binaryFolder = Path.Combine(ModuleFolder, "net8.0");
        var assemblyPath = Path.Combine(binaryFolder, "Autotask.Billing.dll");
        if (!File.Exists(assemblyPath))
        {
            throw new InvalidOperationException($"The module is not built: {assemblyPath} is missing. Run 'dotnet build AutotaskBilling.sln'.");
        }

        var searchPaths = Directory.GetFiles(binaryFolder, "*.dll")
            .Concat(Directory.GetFiles(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "*.dll"))
            .Append(Path.Combine(AppContext.BaseDirectory, "System.Management.Automation.dll"));
        _context = new MetadataLoadContext(new PathAssemblyResolver(searchPaths));
        Assembly = _context.LoadFromAssemblyPath(assemblyPath);
        Cmdlets = Assembly.GetTypes()
            .Where(type => type.IsPublic && !type.IsAbstract && DerivesFrom(type, "System.Management.Automation.Cmdlet"))
            .Select(type => new CmdletMetadata(type))
            .OrderBy(cmdlet => cmdlet.Name, StringComparer.Ordinal)
            .ToList();
        Manifest = ModuleManifest.Read(Path.Combine(ModuleFolder, "Autotask.Billing.psd1"));
    }

    public string RepositoryRoot { get; }

    public string ModuleFolder { get; }

    public Assembly Assembly { get; }

    public IReadOnlyList<CmdletMetadata> Cmdlets { get; }

    public ModuleManifest Manifest { get; }

    /// <summary>A type the module ships (its own or the core's), read through the same metadata context.</summary>
    public Type ShippedType(string fullName) =>
        new[] { Assembly, _context.LoadFromAssemblyName("Autotask.Billing.Core") }
            .Select(assembly => assembly.GetType(fullName))
            .FirstOrDefault(type => type is not null)
        ?? throw new InvalidOperationException($"{fullName} is not a type of the module.");

    public void Dispose() => _context.Dispose();

    internal static bool DerivesFrom(Type type, string baseFullName)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.FullName == baseFullName)
            {
                return true;
            }
        }

        return false;
    }

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "AutotaskBilling.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("AutotaskBilling.sln not found above the test output folder.");
    }
}
