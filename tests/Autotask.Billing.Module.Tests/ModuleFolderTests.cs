using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Autotask.Billing.Module.Tests;

[Collection(BuiltModuleCollection.Name)]
public sealed class ModuleFolderTests
{
    private readonly BuiltModule _module;

    public ModuleFolderTests(BuiltModule module) => _module = module;

    [Theory]
    [InlineData("net8.0")]
    [InlineData("net10.0")]
    [InlineData("net472")]
    public void Each_framework_folder_holds_exactly_the_assemblies_the_module_needs(string framework)
    {
        var folder = Path.Combine(_module.ModuleFolder, framework);
        var shipped = Directory.GetFiles(folder, "*.dll").Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var needed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pending = new Stack<string>();
        pending.Push("Autotask.Billing");
        while (pending.Count > 0)
        {
            var name = pending.Pop();
            if (!shipped.Contains(name) || !needed.Add(name))
            {
                continue;
            }

            foreach (var reference in References(Path.Combine(folder, name + ".dll")))
            {
                pending.Push(reference);
            }
        }

        Assert.DoesNotContain("System.Management.Automation", shipped);
        Assert.Empty(shipped.Except(needed, StringComparer.OrdinalIgnoreCase));
        Assert.Contains("Autotask.Billing.Core", needed);
        Assert.Contains("Autotask.Billing.Sandbox", needed);
        Assert.Contains("Newtonsoft.Json", needed);
    }

    [Fact]
    public void The_net10_folder_is_precompiled_for_a_fast_start_and_the_others_stay_portable_IL()
    {
        foreach (var name in new[] { "Autotask.Billing", "Autotask.Billing.Core", "Newtonsoft.Json" })
        {
            Assert.True(IsReadyToRun(Path.Combine(_module.ModuleFolder, "net10.0", name + ".dll")), name + " in net10.0 is not ReadyToRun.");
            Assert.False(IsReadyToRun(Path.Combine(_module.ModuleFolder, "net8.0", name + ".dll")), name + " in net8.0 is ReadyToRun.");
        }
    }

    // A ReadyToRun image carries a managed native header (the precompiled code's directory); plain IL has none.
    private static bool IsReadyToRun(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        return pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0;
    }

    private static IEnumerable<string> References(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        return reader.AssemblyReferences.Select(handle => reader.GetString(reader.GetAssemblyReference(handle).Name)).ToList();
    }
}
