using System.Text.RegularExpressions;

namespace Autotask.Billing.Module.Tests;

/// <summary>The parts of the .psd1 the tests check, read as text (no PowerShell here to evaluate it).</summary>
public sealed class ModuleManifest
{
    private ModuleManifest(string text)
    {
        Text = text;
        CmdletsToExport = ListValue(text, "CmdletsToExport");
        FunctionsToExport = ListValue(text, "FunctionsToExport");
        VariablesToExport = ListValue(text, "VariablesToExport");
        AliasesToExport = ListValue(text, "AliasesToExport");
        CompatiblePSEditions = ListValue(text, "CompatiblePSEditions");
        FormatsToProcess = ListValue(text, "FormatsToProcess");
        ModuleVersion = ScalarValue(text, "ModuleVersion");
        PowerShellVersion = ScalarValue(text, "PowerShellVersion");
        RootModule = ScalarValue(text, "RootModule");
    }

    public string Text { get; }

    public IReadOnlyList<string> CmdletsToExport { get; }

    public IReadOnlyList<string> FunctionsToExport { get; }

    public IReadOnlyList<string> VariablesToExport { get; }

    public IReadOnlyList<string> AliasesToExport { get; }

    public IReadOnlyList<string> CompatiblePSEditions { get; }

    public IReadOnlyList<string> FormatsToProcess { get; }

    public string? ModuleVersion { get; }

    public string? PowerShellVersion { get; }

    public string? RootModule { get; }

    public static ModuleManifest Read(string path) => new(File.ReadAllText(path));

    private static IReadOnlyList<string> ListValue(string text, string key)
    {
        var match = Regex.Match(text, $@"(?m)^\s*{key}\s*=\s*@\((?<body>[^)]*)\)");
        if (!match.Success)
        {
            return Array.Empty<string>();
        }

        return Regex.Matches(match.Groups["body"].Value, "'(?<item>[^']*)'").Select(m => m.Groups["item"].Value).ToList();
    }

    private static string? ScalarValue(string text, string key)
    {
        var match = Regex.Match(text, $@"(?m)^\s*{key}\s*=\s*'(?<value>[^']*)'");
        return match.Success ? match.Groups["value"].Value : null;
    }
}
