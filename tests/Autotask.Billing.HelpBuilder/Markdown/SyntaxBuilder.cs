using System.Text;
using Autotask.Billing.HelpBuilder.Metadata;

namespace Autotask.Billing.HelpBuilder.Markdown;

/// <summary>
/// The syntax lines PowerShell itself shows (Get-Command -Syntax): positional parameters by position, then mandatory
/// named ones, then optional ones, then -WhatIf/-Confirm and [&lt;CommonParameters&gt;]; wrapped under 100 columns.
/// </summary>
public static class SyntaxBuilder
{
    private const int Width = 100;

    public static IReadOnlyList<SyntaxBlock> Build(CommandMetadata command) =>
        command.ParameterSets
            .Select(set => new SyntaxBlock(set, set == command.DefaultParameterSet && command.ParameterSets.Count > 1, Line(command, set)))
            .ToList();

    private static string Line(CommandMetadata command, string set)
    {
        var inSet = command.Parameters
            .Select(parameter => (Parameter: parameter, Declaration: parameter.In(set)))
            .Where(pair => pair.Declaration is not null)
            .ToList();
        var shouldProcess = inSet.Where(pair => pair.Parameter.Name is "WhatIf" or "Confirm").ToList();
        var ordinary = inSet.Except(shouldProcess).ToList();
        var ordered = ordinary.Where(pair => pair.Declaration!.Position is not null).OrderBy(pair => pair.Declaration!.Position)
            .Concat(ordinary.Where(pair => pair.Declaration!.Position is null && pair.Declaration.Mandatory))
            .Concat(ordinary.Where(pair => pair.Declaration!.Position is null && !pair.Declaration.Mandatory))
            .Concat(shouldProcess);

        var tokens = ordered.Select(pair => Token(pair.Parameter, pair.Declaration!)).Append("[<CommonParameters>]");
        return Wrap(command.Name, tokens);
    }

    private static string Token(ParameterMetadata parameter, ParameterDeclaration declaration)
    {
        if (parameter.IsSwitch)
        {
            return declaration.Mandatory ? $"-{parameter.Name}" : $"[-{parameter.Name}]";
        }

        var value = $"<{parameter.SyntaxTypeName}>";
        return (declaration.Position is not null, declaration.Mandatory) switch
        {
            (true, true) => $"[-{parameter.Name}] {value}",
            (true, false) => $"[[-{parameter.Name}] {value}]",
            (false, true) => $"-{parameter.Name} {value}",
            (false, false) => $"[-{parameter.Name} {value}]",
        };
    }

    private static string Wrap(string name, IEnumerable<string> tokens)
    {
        var text = new StringBuilder(name);
        var lineLength = name.Length;
        foreach (var token in tokens)
        {
            if (lineLength + 1 + token.Length > Width)
            {
                text.Append("\n ").Append(token);
                lineLength = 1 + token.Length;
            }
            else
            {
                text.Append(' ').Append(token);
                lineLength += 1 + token.Length;
            }
        }

        return text.ToString();
    }
}
