using System.Reflection;

namespace Autotask.Billing.Module.Tests;

/// <summary>One cmdlet parameter: its name, type and every [Parameter] attribute (one per parameter set).</summary>
public sealed class ParameterMetadata
{
    public ParameterMetadata(PropertyInfo property)
    {
        Name = property.Name;
        TypeName = property.PropertyType.FullName ?? property.PropertyType.Name;
        var declarations = property.CustomAttributes.Where(a => a.AttributeType.Name == "ParameterAttribute").ToList();
        ParameterSets = declarations
            .Select(a => a.NamedArguments.Where(n => n.MemberName == "ParameterSetName").Select(n => (string)n.TypedValue.Value!).FirstOrDefault() ?? "__AllParameterSets")
            .ToList();
        Positions = declarations
            .Select(a => (
                Set: a.NamedArguments.Where(n => n.MemberName == "ParameterSetName").Select(n => (string)n.TypedValue.Value!).FirstOrDefault() ?? "__AllParameterSets",
                Position: a.NamedArguments.Where(n => n.MemberName == "Position").Select(n => (int?)(int)n.TypedValue.Value!).FirstOrDefault()))
            .Where(p => p.Position is not null)
            .Select(p => (p.Set, p.Position!.Value))
            .ToList();
        ValueFromPipeline = declarations.Any(a => CmdletMetadata.NamedBool(a, "ValueFromPipeline"));
        ValueFromPipelineByPropertyName = declarations.Any(a => CmdletMetadata.NamedBool(a, "ValueFromPipelineByPropertyName"));
        Mandatory = declarations.Any(a => CmdletMetadata.NamedBool(a, "Mandatory"));
        Aliases = property.CustomAttributes.Where(a => a.AttributeType.Name == "AliasAttribute")
            .SelectMany(a => a.ConstructorArguments)
            .SelectMany(arg => arg.Value is IEnumerable<CustomAttributeTypedArgument> values ? values.Select(v => (string)v.Value!) : new[] { (string)arg.Value! })
            .ToList();
    }

    public string Name { get; }

    public string TypeName { get; }

    public IReadOnlyList<string> ParameterSets { get; }

    /// <summary>The explicit positions this parameter takes, per parameter set.</summary>
    public IReadOnlyList<(string Set, int Position)> Positions { get; }

    public bool ValueFromPipeline { get; }

    public bool ValueFromPipelineByPropertyName { get; }

    public bool Mandatory { get; }

    public IReadOnlyList<string> Aliases { get; }

    public override string ToString() => Name;
}
