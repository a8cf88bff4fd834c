using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using Autotask.Billing.HelpBuilder.Markdown;

namespace Autotask.Billing.HelpBuilder.Maml;

/// <summary>
/// Writes command help as a MAML file (the format Get-Help reads from en-US/&lt;assembly&gt;-Help.xml): details,
/// description, one syntax item per parameter set, parameters, input and return types, notes, examples, links.
/// </summary>
public static class MamlWriter
{
    private const string Msh = "http://msh";
    private const string MamlNs = "http://schemas.microsoft.com/maml/2004/10";
    private const string CommandNs = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private const string DevNs = "http://schemas.microsoft.com/maml/dev/2004/10";
    private const string MsHelpNs = "http://msdn.microsoft.com/mshelp";

    private static readonly Regex SyntaxToken = new(@"(?<=^|[\s\[])-(?<name>[A-Za-z][A-Za-z0-9]*)\]?(\s+<(?<type>[^>]+)>)?", RegexOptions.Compiled);

    public static string Write(IEnumerable<CommandHelp> commands)
    {
        var settings = new XmlWriterSettings
        {
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        };
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("helpItems", Msh);
            xml.WriteAttributeString("schema", "maml");
            foreach (var command in commands)
            {
                Command(xml, command);
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void Command(XmlWriter xml, CommandHelp help)
    {
        xml.WriteStartElement("command", "command", CommandNs);
        xml.WriteAttributeString("xmlns", "maml", null, MamlNs);
        xml.WriteAttributeString("xmlns", "command", null, CommandNs);
        xml.WriteAttributeString("xmlns", "dev", null, DevNs);
        xml.WriteAttributeString("xmlns", "MSHelp", null, MsHelpNs);

        var nameParts = help.Title.Split('-', 2);
        xml.WriteStartElement("command", "details", CommandNs);
        xml.WriteElementString("command", "name", CommandNs, help.Title);
        xml.WriteElementString("command", "verb", CommandNs, nameParts[0]);
        xml.WriteElementString("command", "noun", CommandNs, nameParts.Length > 1 ? nameParts[1] : string.Empty);
        Description(xml, help.Synopsis);
        xml.WriteEndElement();

        Description(xml, help.Description);

        var syntaxTypes = SyntaxTypes(help);
        xml.WriteStartElement("command", "syntax", CommandNs);
        foreach (var block in help.Syntax)
        {
            xml.WriteStartElement("command", "syntaxItem", CommandNs);
            xml.WriteElementString("maml", "name", MamlNs, help.Title);
            foreach (Match token in SyntaxToken.Matches(block.Text))
            {
                var parameter = help.Parameters.FirstOrDefault(p => string.Equals(p.Name, token.Groups["name"].Value, StringComparison.OrdinalIgnoreCase));
                if (parameter is not null)
                {
                    var set = parameter.Yaml.ParameterSets.FirstOrDefault(s => s.Name == block.SetName)
                        ?? parameter.Yaml.ParameterSets.FirstOrDefault(s => s.AppliesTo(block.SetName));
                    Parameter(xml, parameter, set, syntaxTypes);
                }
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();

        xml.WriteStartElement("command", "parameters", CommandNs);
        foreach (var parameter in help.Parameters)
        {
            Parameter(xml, parameter, null, syntaxTypes);
        }

        xml.WriteEndElement();

        TypeList(xml, "inputTypes", "inputType", help.Inputs);
        TypeList(xml, "returnValues", "returnValue", help.Outputs);

        xml.WriteStartElement("maml", "alertSet", MamlNs);
        xml.WriteStartElement("maml", "alert", MamlNs);
        Paragraphs(xml, help.Notes);
        xml.WriteEndElement();
        xml.WriteEndElement();

        xml.WriteStartElement("command", "examples", CommandNs);
        for (var index = 0; index < help.Examples.Count; index++)
        {
            Example(xml, help.Examples[index], index + 1);
        }

        xml.WriteEndElement();

        xml.WriteStartElement("command", "relatedLinks", CommandNs);
        if (help.FrontMatterValue("HelpUri") is { Length: > 0 } online)
        {
            Link(xml, "Online Version:", online);
        }

        foreach (var link in help.RelatedLinks)
        {
            Link(xml, link.Text, link.Uri.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? link.Uri : string.Empty);
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Parameter(XmlWriter xml, HelpParameter parameter, ParameterSetYaml? set, IReadOnlyDictionary<string, string> syntaxTypes)
    {
        var sets = set is null ? parameter.Yaml.ParameterSets : new[] { set };
        var byValue = sets.Any(s => s.ValueFromPipeline);
        var byName = sets.Any(s => s.ValueFromPipelineByPropertyName);
        var pipeline = (byValue, byName) switch
        {
            (true, true) => "True (ByValue, ByPropertyName)",
            (true, false) => "True (ByValue)",
            (false, true) => "True (ByPropertyName)",
            _ => "False",
        };
        var position = set?.Position ?? parameter.Yaml.ParameterSets.Select(s => s.Position).FirstOrDefault(p => p != ParameterSetYaml.Named) ?? ParameterSetYaml.Named;
        var shortType = syntaxTypes.TryGetValue(parameter.Name, out var type) ? type : parameter.Yaml.Type;

        xml.WriteStartElement("command", "parameter", CommandNs);
        xml.WriteAttributeString("required", sets.Any(s => s.IsRequired) ? "true" : "false");
        xml.WriteAttributeString("variableLength", parameter.Yaml.Type.EndsWith("[]", StringComparison.Ordinal) ? "true" : "false");
        xml.WriteAttributeString("globbing", parameter.Yaml.SupportsWildcards ? "true" : "false");
        xml.WriteAttributeString("pipelineInput", pipeline);
        xml.WriteAttributeString("position", position == ParameterSetYaml.Named ? "named" : position);
        xml.WriteAttributeString("aliases", parameter.Yaml.Aliases.Count > 0 ? string.Join(", ", parameter.Yaml.Aliases) : "none");
        xml.WriteElementString("maml", "name", MamlNs, parameter.Name);
        Description(xml, parameter.Description);
        if (parameter.Yaml.AcceptedValues.Count > 0)
        {
            xml.WriteStartElement("command", "parameterValueGroup", CommandNs);
            foreach (var value in parameter.Yaml.AcceptedValues)
            {
                xml.WriteStartElement("command", "parameterValue", CommandNs);
                xml.WriteAttributeString("required", "false");
                xml.WriteAttributeString("command", "variableLength", CommandNs, "false");
                xml.WriteString(value);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        if (!parameter.Yaml.IsSwitch)
        {
            xml.WriteStartElement("command", "parameterValue", CommandNs);
            xml.WriteAttributeString("required", "true");
            xml.WriteAttributeString("variableLength", "false");
            xml.WriteString(shortType);
            xml.WriteEndElement();
        }

        xml.WriteStartElement("dev", "type", DevNs);
        xml.WriteElementString("maml", "name", MamlNs, parameter.Yaml.Type);
        xml.WriteElementString("maml", "uri", MamlNs, string.Empty);
        xml.WriteEndElement();
        xml.WriteElementString("dev", "defaultValue", DevNs, parameter.Yaml.DefaultValue.Length > 0 ? parameter.Yaml.DefaultValue : "None");
        xml.WriteEndElement();
    }

    private static void TypeList(XmlWriter xml, string listName, string itemName, IReadOnlyList<HelpTypeEntry> entries)
    {
        xml.WriteStartElement("command", listName, CommandNs);
        foreach (var entry in entries)
        {
            xml.WriteStartElement("command", itemName, CommandNs);
            xml.WriteStartElement("dev", "type", DevNs);
            xml.WriteElementString("maml", "name", MamlNs, entry.TypeName);
            xml.WriteEndElement();
            Description(xml, entry.Description);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void Example(XmlWriter xml, HelpExample example, int number)
    {
        var blocks = MarkdownText.Blocks(example.Body);
        var code = blocks.Where(IsExampleCode).Select(b => b.Text);
        var remarks = blocks.Where(b => !IsExampleCode(b)).Select(b => b.Kind switch
        {
            MarkdownBlockKind.Code or MarkdownBlockKind.Table => b.Text,
            MarkdownBlockKind.ListItem => b.Info + " " + MarkdownText.Plain(b.Text),
            _ => MarkdownText.Plain(b.Text),
        });

        xml.WriteStartElement("command", "example", CommandNs);
        xml.WriteElementString("maml", "title", MamlNs, $"--------- Example {number}: {example.Title} ---------");
        xml.WriteElementString("dev", "code", DevNs, string.Join("\n\n", code));
        xml.WriteStartElement("dev", "remarks", DevNs);
        foreach (var remark in remarks)
        {
            xml.WriteElementString("maml", "para", MamlNs, remark);
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static bool IsExampleCode(MarkdownBlock block) =>
        block.Kind == MarkdownBlockKind.Code && block.Info.ToLowerInvariant() is "" or "powershell" or "pwsh" or "ps" or "ps1";

    private static void Link(XmlWriter xml, string text, string uri)
    {
        xml.WriteStartElement("maml", "navigationLink", MamlNs);
        xml.WriteElementString("maml", "linkText", MamlNs, text);
        xml.WriteElementString("maml", "uri", MamlNs, uri);
        xml.WriteEndElement();
    }

    private static void Description(XmlWriter xml, string markdown)
    {
        xml.WriteStartElement("maml", "description", MamlNs);
        Paragraphs(xml, markdown);
        xml.WriteEndElement();
    }

    private static void Paragraphs(XmlWriter xml, string markdown)
    {
        foreach (var paragraph in MamlParagraphs.From(markdown))
        {
            xml.WriteElementString("maml", "para", MamlNs, paragraph);
        }
    }

    /// <summary>Each parameter's type as the syntax lines spell it (string[], switch), for the parameterValue Get-Help shows.</summary>
    private static IReadOnlyDictionary<string, string> SyntaxTypes(CommandHelp help)
    {
        var types = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var block in help.Syntax)
        {
            foreach (Match token in SyntaxToken.Matches(block.Text))
            {
                if (token.Groups["type"].Success)
                {
                    types.TryAdd(token.Groups["name"].Value, token.Groups["type"].Value);
                }
            }
        }

        return types;
    }
}
