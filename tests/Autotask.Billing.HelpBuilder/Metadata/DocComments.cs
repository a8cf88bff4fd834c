using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Autotask.Billing.HelpBuilder.Metadata;

/// <summary>The /// comments of the cmdlet assembly (its XML documentation file), as markdown text.</summary>
public sealed class DocComments
{
    private readonly IReadOnlyDictionary<string, XElement> _members;

    private DocComments(IReadOnlyDictionary<string, XElement> members) => _members = members;

    public static DocComments None { get; } = new(new Dictionary<string, XElement>());

    public static DocComments Load(string path)
    {
        var members = XDocument.Load(path).Descendants("member")
            .Where(m => m.Attribute("name") is not null)
            .GroupBy(m => m.Attribute("name")!.Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        return new DocComments(members);
    }

    public string Type(Type type) => Summary("T:" + type.FullName);

    public string Property(PropertyInfo property) => Summary($"P:{property.DeclaringType!.FullName}.{property.Name}");

    private string Summary(string id)
    {
        if (!_members.TryGetValue(id, out var member) || member.Element("summary") is not { } summary)
        {
            return string.Empty;
        }

        var text = new StringBuilder();
        Append(summary, text);
        var paragraphs = Regex.Split(text.ToString(), @"\n\s*\n")
            .Select(p => Regex.Replace(p, @"\s+", " ").Trim())
            .Where(p => p.Length > 0);
        return string.Join("\n\n", paragraphs);
    }

    private static void Append(XElement element, StringBuilder text)
    {
        foreach (var node in element.Nodes())
        {
            switch (node)
            {
                case XText plain:
                    text.Append(plain.Value);
                    break;
                case XElement { Name.LocalName: "para" } paragraph:
                    text.Append("\n\n");
                    Append(paragraph, text);
                    text.Append("\n\n");
                    break;
                case XElement { Name.LocalName: "c" } code:
                    text.Append('`').Append(code.Value).Append('`');
                    break;
                case XElement { Name.LocalName: "see" or "seealso" } reference:
                    text.Append(ReferenceText(reference));
                    break;
                case XElement { Name.LocalName: "paramref" or "typeparamref" } reference:
                    text.Append(reference.Attribute("name")?.Value);
                    break;
                case XElement other:
                    Append(other, text);
                    break;
            }
        }
    }

    private static string ReferenceText(XElement reference)
    {
        if (reference.Attribute("langword") is { } keyword)
        {
            return $"`{keyword.Value}`";
        }

        if (!string.IsNullOrEmpty(reference.Value))
        {
            return reference.Value;
        }

        var cref = reference.Attribute("cref")?.Value ?? string.Empty;
        var name = cref.Length > 2 && cref[1] == ':' ? cref.Substring(2) : cref;
        name = Regex.Replace(name, @"\(.*\)$", string.Empty);
        name = Regex.Replace(name, @"`\d+$", string.Empty);
        return name.Substring(name.LastIndexOf('.') + 1);
    }
}
