using System.Text;
using System.Text.RegularExpressions;

namespace Autotask.Billing.HelpBuilder.Markdown;

/// <summary>Reads and writes the fixed-shape yaml block of a parameter; no general yaml needed, none pulled in.</summary>
public static class ParameterYamlFormat
{
    public static string Write(ParameterYaml yaml)
    {
        var text = new StringBuilder();
        text.Append("Type: ").Append(Scalar(yaml.Type)).Append('\n');
        text.Append("DefaultValue: ").Append(Scalar(yaml.DefaultValue)).Append('\n');
        text.Append("SupportsWildcards: ").Append(Bool(yaml.SupportsWildcards)).Append('\n');
        text.Append("ParameterValue: []\n");
        List(text, "Aliases", yaml.Aliases);
        text.Append("ParameterSets:\n");
        foreach (var set in yaml.ParameterSets)
        {
            text.Append("- Name: ").Append(Scalar(set.Name)).Append('\n');
            text.Append("  Position: ").Append(Scalar(set.Position)).Append('\n');
            text.Append("  IsRequired: ").Append(Bool(set.IsRequired)).Append('\n');
            text.Append("  ValueFromPipeline: ").Append(Bool(set.ValueFromPipeline)).Append('\n');
            text.Append("  ValueFromPipelineByPropertyName: ").Append(Bool(set.ValueFromPipelineByPropertyName)).Append('\n');
            text.Append("  ValueFromRemainingArguments: ").Append(Bool(set.ValueFromRemainingArguments)).Append('\n');
        }

        text.Append("DontShow: ").Append(Bool(yaml.DontShow)).Append('\n');
        List(text, "AcceptedValues", yaml.AcceptedValues);
        text.Append("HelpMessage: ").Append(Scalar(yaml.HelpMessage)).Append('\n');
        return text.ToString();
    }

    public static ParameterYaml Read(string block)
    {
        var scalars = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var lists = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        var sets = new List<Dictionary<string, string>>();
        string? currentList = null;
        foreach (var rawLine in block.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            if (line.Trim().Length == 0)
            {
                continue;
            }

            var setItem = Regex.Match(line, @"^\s*-\s+(?<key>[A-Za-z]+):\s*(?<value>.*)$");
            var setField = Regex.Match(line, @"^\s+(?<key>[A-Za-z]+):\s*(?<value>.*)$");
            var listItem = Regex.Match(line, @"^\s*-\s+(?<value>.*)$");
            var field = Regex.Match(line, @"^(?<key>[A-Za-z]+):\s*(?<value>.*)$");
            if (currentList == "ParameterSets" && setItem.Success)
            {
                sets.Add(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [setItem.Groups["key"].Value] = Unquote(setItem.Groups["value"].Value) });
            }
            else if (currentList == "ParameterSets" && setField.Success && sets.Count > 0)
            {
                sets[^1][setField.Groups["key"].Value] = Unquote(setField.Groups["value"].Value);
            }
            else if (currentList is not null && listItem.Success)
            {
                lists[currentList].Add(Unquote(listItem.Groups["value"].Value));
            }
            else if (field.Success)
            {
                var key = field.Groups["key"].Value;
                var value = field.Groups["value"].Value.Trim();
                currentList = null;
                if (value.Length == 0)
                {
                    currentList = key;
                    lists[key] = new List<string>();
                }
                else if (value == "[]")
                {
                    lists[key] = new List<string>();
                }
                else if (value.StartsWith('[') && value.EndsWith(']'))
                {
                    lists[key] = value.Substring(1, value.Length - 2).Split(',').Select(item => Unquote(item.Trim())).Where(item => item.Length > 0).ToList();
                }
                else
                {
                    scalars[key] = Unquote(value);
                }
            }
        }

        string ScalarOr(string key, string fallback) => scalars.TryGetValue(key, out var value) ? value : fallback;
        IReadOnlyList<string> ListOr(string key) => lists.TryGetValue(key, out var value) ? value : new List<string>();

        return new ParameterYaml
        {
            Type = ScalarOr("Type", string.Empty),
            DefaultValue = ScalarOr("DefaultValue", string.Empty),
            SupportsWildcards = IsTrue(ScalarOr("SupportsWildcards", "false")),
            Aliases = ListOr("Aliases"),
            ParameterSets = sets.Select(set => new ParameterSetYaml(
                set.TryGetValue("Name", out var name) ? name : ParameterSetYaml.AllSets,
                set.TryGetValue("Position", out var position) ? position : ParameterSetYaml.Named,
                set.TryGetValue("IsRequired", out var required) && IsTrue(required),
                set.TryGetValue("ValueFromPipeline", out var byValue) && IsTrue(byValue),
                set.TryGetValue("ValueFromPipelineByPropertyName", out var byName) && IsTrue(byName),
                set.TryGetValue("ValueFromRemainingArguments", out var remaining) && IsTrue(remaining))).ToList(),
            DontShow = IsTrue(ScalarOr("DontShow", "false")),
            AcceptedValues = ListOr("AcceptedValues"),
            HelpMessage = ScalarOr("HelpMessage", string.Empty),
        };
    }

    private static void List(StringBuilder text, string key, IReadOnlyList<string> items)
    {
        if (items.Count == 0)
        {
            text.Append(key).Append(": []\n");
            return;
        }

        text.Append(key).Append(":\n");
        foreach (var item in items)
        {
            text.Append("- ").Append(Scalar(item)).Append('\n');
        }
    }

    private static string Bool(bool value) => value ? "true" : "false";

    private static bool IsTrue(string value) => string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);

    private static string Scalar(string value)
    {
        var plain = value.Length > 0
            && value.Trim() == value
            && !Regex.IsMatch(value, @"^[\[\]{}'""&*!|>%@`#,?:-]")
            && !value.Contains(": ", StringComparison.Ordinal)
            && !value.Contains(" #", StringComparison.Ordinal)
            && !Regex.IsMatch(value, "^(true|false|null|~|yes|no)$", RegexOptions.IgnoreCase);
        return plain ? value : "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
    }

    private static string Unquote(string value)
    {
        value = value.Trim();
        if (value.Length >= 2 && value[0] == '\'' && value[^1] == '\'')
        {
            return value.Substring(1, value.Length - 2).Replace("''", "'", StringComparison.Ordinal);
        }

        if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
        {
            return value.Substring(1, value.Length - 2).Replace("\\\"", "\"", StringComparison.Ordinal);
        }

        return value;
    }
}
