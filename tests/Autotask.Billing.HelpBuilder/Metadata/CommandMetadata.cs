using System.Reflection;

namespace Autotask.Billing.HelpBuilder.Metadata;

/// <summary>A cmdlet as the built assembly declares it: name, parameter sets, parameters, output types, doc comments.</summary>
public sealed class CommandMetadata
{
    public const string WhatIfSummary = "Shows what would happen if the cmdlet runs. The cmdlet is not run.";
    public const string ConfirmSummary = "Prompts you for confirmation before running the cmdlet.";

    public CommandMetadata(Type type, DocComments comments, Type switchParameterType)
    {
        var cmdlet = type.CustomAttributes.FirstOrDefault(a => a.AttributeType.Name == "CmdletAttribute")
            ?? throw new InvalidOperationException($"{type.FullName} derives from Cmdlet but has no [Cmdlet] attribute.");
        Verb = (string)cmdlet.ConstructorArguments[0].Value!;
        Noun = (string)cmdlet.ConstructorArguments[1].Value!;
        SupportsShouldProcess = cmdlet.NamedArguments.Any(a => a.MemberName == "SupportsShouldProcess" && a.TypedValue.Value is true);
        var defaultSet = cmdlet.NamedArguments.Where(a => a.MemberName == "DefaultParameterSetName").Select(a => (string?)a.TypedValue.Value).FirstOrDefault();
        Summary = comments.Type(type);

        var declared = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CustomAttributes.Any(a => a.AttributeType.Name == "ParameterAttribute"))
            .Select(p => new ParameterMetadata(p, comments.Property(p)))
            .ToList();
        if (SupportsShouldProcess)
        {
            declared.Add(ParameterMetadata.ShouldProcessParameter("WhatIf", switchParameterType, WhatIfSummary, "wi"));
            declared.Add(ParameterMetadata.ShouldProcessParameter("Confirm", switchParameterType, ConfirmSummary, "cf"));
        }

        Parameters = declared;
        ParameterSets = SetNames(declared, defaultSet);
        DefaultParameterSet = defaultSet is not null && ParameterSets.Contains(defaultSet) ? defaultSet : ParameterSets.Count == 1 ? ParameterSets[0] : null;
        OutputTypes = type.CustomAttributes
            .Where(a => a.AttributeType.Name == "OutputTypeAttribute")
            .SelectMany(a => a.ConstructorArguments)
            .SelectMany(argument => argument.Value is IEnumerable<CustomAttributeTypedArgument> items ? items.Select(i => i.Value) : new[] { argument.Value })
            .Select(value => value switch
            {
                Type { FullName: "System.Void" } => "None",
                Type output => TypeNames.Full(output),
                string name => name,
                _ => string.Empty,
            })
            .Where(name => name.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        InputTypes = declared
            .Where(p => p.Declarations.Any(d => d.ValueFromPipeline || d.ValueFromPipelineByPropertyName))
            .Select(p => p.ItemTypeName)
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    public string Verb { get; }

    public string Noun { get; }

    public string Name => $"{Verb}-{Noun}";

    public bool SupportsShouldProcess { get; }

    /// <summary>The class's /// summary, as plain markdown text; empty when it has none.</summary>
    public string Summary { get; }

    /// <summary>Every parameter in declaration order, with -WhatIf and -Confirm last when the cmdlet supports ShouldProcess.</summary>
    public IReadOnlyList<ParameterMetadata> Parameters { get; }

    /// <summary>The parameter set names, the default first.</summary>
    public IReadOnlyList<string> ParameterSets { get; }

    public string? DefaultParameterSet { get; }

    /// <summary>Full names of the [OutputType] types; "None" for void.</summary>
    public IReadOnlyList<string> OutputTypes { get; }

    /// <summary>Full names of the types that parameters take from the pipeline (by value or by property name).</summary>
    public IReadOnlyList<string> InputTypes { get; }

    public override string ToString() => Name;

    private static List<string> SetNames(IEnumerable<ParameterMetadata> parameters, string? defaultSet)
    {
        var named = parameters
            .SelectMany(p => p.Declarations)
            .Where(d => !d.AppliesToEverySet)
            .Select(d => d.SetName)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (named.Count == 0)
        {
            return new List<string> { ParameterDeclaration.AllSets };
        }

        if (defaultSet is not null)
        {
            named.Remove(defaultSet);
            named.Insert(0, defaultSet);
        }

        return named;
    }
}
