using System.Text.RegularExpressions;

namespace Autotask.Billing.Module.Tests;

[Collection(BuiltModuleCollection.Name)]
public sealed class ManifestTests
{
    private readonly BuiltModule _module;

    public ManifestTests(BuiltModule module) => _module = module;

    [Fact]
    public void The_manifest_export_list_equals_the_cmdlets_in_the_assembly()
    {
        var exported = _module.Manifest.CmdletsToExport.OrderBy(n => n, StringComparer.Ordinal);
        var declared = _module.Cmdlets.Select(c => c.Name).OrderBy(n => n, StringComparer.Ordinal);
        Assert.Equal(declared, exported);
    }

    [Fact]
    public void The_manifest_uses_no_wildcards_and_exports_no_variables_functions_or_aliases()
    {
        Assert.DoesNotContain(_module.Manifest.CmdletsToExport, name => name.Contains('*'));
        Assert.Empty(_module.Manifest.FunctionsToExport);
        Assert.Empty(_module.Manifest.VariablesToExport);
        Assert.Empty(_module.Manifest.AliasesToExport);
    }

    [Fact]
    public void The_manifest_targets_Windows_PowerShell_5_1_and_PowerShell_7()
    {
        Assert.Equal(new[] { "Desktop", "Core" }, _module.Manifest.CompatiblePSEditions);
        Assert.Equal("5.1", _module.Manifest.PowerShellVersion);
    }

    [Fact]
    public void The_built_manifest_carries_the_version_from_Directory_Build_props()
    {
        var props = File.ReadAllText(Path.Combine(_module.RepositoryRoot, "Directory.Build.props"));
        var version = Regex.Match(props, "<Version>(?<v>[^<]+)</Version>").Groups["v"].Value;
        Assert.False(string.IsNullOrEmpty(version));
        Assert.Equal(version, _module.Manifest.ModuleVersion);
    }

    [Fact]
    public void The_manifest_has_PSData_with_tags_project_uri_and_release_notes()
    {
        var text = _module.Manifest.Text;
        Assert.Matches(@"PSData\s*=\s*@\{", text);
        Assert.Matches(@"Tags\s*=\s*@\('Autotask'", text);
        Assert.Matches(@"ProjectUri\s*=\s*'https://", text);
        Assert.Matches(@"ReleaseNotes\s*=\s*'\S", text);
    }

    [Fact]
    public void The_manifest_processes_the_format_file_that_the_module_folder_holds()
    {
        Assert.Equal(new[] { "Autotask.Billing.Format.ps1xml" }, _module.Manifest.FormatsToProcess);
        Assert.True(File.Exists(Path.Combine(_module.ModuleFolder, "Autotask.Billing.Format.ps1xml")));
        Assert.True(File.Exists(Path.Combine(_module.ModuleFolder, _module.Manifest.RootModule!)));
    }
}
