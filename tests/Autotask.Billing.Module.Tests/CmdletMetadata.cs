using System.Reflection;

namespace Autotask.Billing.Module.Tests;

/// <summary>What a cmdlet class declares, read from its attributes without loading PowerShell.</summary>
public sealed class CmdletMetadata
{
    public CmdletMetadata(Type type)
    {
        Type = type;
        var cmdlet = Attribute(type.CustomAttributes, "CmdletAttribute")
            ?? throw new InvalidOperationException($"{type.FullName} derives from Cmdlet but has no [Cmdlet] attribute.");
        Verb = (string)cmdlet.ConstructorArguments[0].Value!;
        Noun = (string)cmdlet.ConstructorArguments[1].Value!;
        SupportsShouldProcess = NamedBool(cmdlet, "SupportsShouldProcess");
        DefaultParameterSetName = cmdlet.NamedArguments.Where(a => a.MemberName == "DefaultParameterSetName").Select(a => (string)a.TypedValue.Value!).FirstOrDefault();
        ConfirmImpact = cmdlet.NamedArguments.Where(a => a.MemberName == "ConfirmImpact").Select(a => (int?)(int)a.TypedValue.Value!).FirstOrDefault();
        OutputTypes = type.CustomAttributes.Where(a => a.AttributeType.Name == "OutputTypeAttribute").ToList();
        Parameters = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CustomAttributes.Any(a => a.AttributeType.Name == "ParameterAttribute"))
            .Select(p => new ParameterMetadata(p))
            .ToList();
    }

    public Type Type { get; }

    public string Verb { get; }

    public string Noun { get; }

    public string Name => $"{Verb}-{Noun}";

    public bool SupportsShouldProcess { get; }

    public string? DefaultParameterSetName { get; }

    /// <summary>ConfirmImpact as its enum number (None 0, Low 1, Medium 2, High 3), when declared.</summary>
    public int? ConfirmImpact { get; }

    public IReadOnlyList<CustomAttributeData> OutputTypes { get; }

    /// <summary>The full names of every type the cmdlet declares in [OutputType] (types or type-name strings).</summary>
    public IEnumerable<string> OutputTypeNames => OutputTypes
        .SelectMany(attribute => attribute.ConstructorArguments)
        .SelectMany(argument => argument.Value is IEnumerable<CustomAttributeTypedArgument> items ? items.Select(i => i.Value) : new[] { argument.Value })
        .Select(value => value switch
        {
            Type type => type.FullName!,
            string name => name,
            _ => string.Empty,
        })
        .Where(name => name.Length > 0);

    public IReadOnlyList<ParameterMetadata> Parameters { get; }

    public override string ToString() => Name;

    internal static CustomAttributeData? Attribute(IEnumerable<CustomAttributeData> attributes, string name) =>
        attributes.FirstOrDefault(a => a.AttributeType.Name == name);

    internal static bool NamedBool(CustomAttributeData attribute, string name) =>
        attribute.NamedArguments.Any(a => a.MemberName == name && a.TypedValue.Value is true);
}
