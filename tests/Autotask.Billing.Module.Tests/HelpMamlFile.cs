using System.Xml.Linq;

namespace Autotask.Billing.Module.Tests;

/// <summary>The module's MAML help file (en-US/Autotask.Billing.dll-Help.xml) as Get-Help reads it.</summary>
public sealed class HelpMamlFile
{
    public static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    public static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    public static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    private HelpMamlFile(XDocument document)
    {
        Commands = document.Root!.Elements(Command + "command")
            .ToDictionary(c => c.Element(Command + "details")!.Element(Command + "name")!.Value.Trim(), StringComparer.Ordinal);
    }

    public IReadOnlyDictionary<string, XElement> Commands { get; }

    public static HelpMamlFile Load(string path) => new(XDocument.Load(path));

    public static string Paragraphs(XElement? description) =>
        description is null ? string.Empty : string.Join("\n", description.Elements(Maml + "para").Select(p => p.Value)).Trim();

    /// <summary>The command's parameters (command:parameters), by name, with their description text.</summary>
    public static IReadOnlyDictionary<string, string> Parameters(XElement command) =>
        command.Element(Command + "parameters")!.Elements(Command + "parameter")
            .ToDictionary(p => p.Element(Maml + "name")!.Value.Trim(), p => Paragraphs(p.Element(Maml + "description")), StringComparer.OrdinalIgnoreCase);

    /// <summary>The parameter names of each syntax item (one per parameter set).</summary>
    public static IReadOnlyList<IReadOnlyList<string>> SyntaxItems(XElement command) =>
        command.Element(Command + "syntax")!.Elements(Command + "syntaxItem")
            .Select(item => (IReadOnlyList<string>)item.Elements(Command + "parameter").Select(p => p.Element(Maml + "name")!.Value.Trim()).ToList())
            .ToList();

    public static IReadOnlyList<(string Title, string Code)> Examples(XElement command) =>
        command.Element(Command + "examples")?.Elements(Command + "example")
            .Select(e => (e.Element(Maml + "title")?.Value ?? string.Empty, e.Element(Dev + "code")?.Value ?? string.Empty))
            .ToList() ?? new List<(string, string)>();

    public static string Synopsis(XElement command) => Paragraphs(command.Element(Command + "details")!.Element(Maml + "description"));

    public static string Description(XElement command) => Paragraphs(command.Element(Maml + "description"));
}
