using System.Reflection;

namespace Autotask.Billing.HelpBuilder.Metadata;

/// <summary>A cmdlet parameter as the built assembly declares it.</summary>
public sealed class ParameterMetadata
{
    public ParameterMetadata(PropertyInfo property, string summary)
    {
        Name = property.Name;
        TypeName = TypeNames.Full(property.PropertyType);
        SyntaxTypeName = TypeNames.Syntax(property.PropertyType);
        ItemTypeName = TypeNames.Full(TypeNames.Unwrap(property.PropertyType));
        Summary = summary;
        Declarations = property.CustomAttributes
            .Where(a => a.AttributeType.Name == "ParameterAttribute")
            .Select(Declaration)
            .ToList();
        Aliases = property.CustomAttributes
            .Where(a => a.AttributeType.Name == "AliasAttribute")
            .SelectMany(a => Strings(a.ConstructorArguments))
            .ToList();
        SupportsWildcards = property.CustomAttributes.Any(a => a.AttributeType.Name == "SupportsWildcardsAttribute");
        AcceptedValues = property.CustomAttributes
            .Where(a => a.AttributeType.Name == "ValidateSetAttribute")
            .SelectMany(a => Strings(a.ConstructorArguments))
            .Concat(EnumNames(property.PropertyType))
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    private ParameterMetadata(string name, Type type, string summary, IReadOnlyList<string> aliases)
    {
        Name = name;
        TypeName = TypeNames.Full(type);
        SyntaxTypeName = TypeNames.Syntax(type);
        ItemTypeName = TypeName;
        Summary = summary;
        Aliases = aliases;
        AcceptedValues = Array.Empty<string>();
        Declarations = new[] { new ParameterDeclaration(ParameterDeclaration.AllSets, null, false, false, false, false, false, string.Empty) };
    }

    public string Name { get; }

    /// <summary>The full type name (System.String[]).</summary>
    public string TypeName { get; }

    /// <summary>The type as a syntax line spells it (string[]).</summary>
    public string SyntaxTypeName { get; }

    /// <summary>The full name of one item's type: arrays and nullables unwrapped (System.String).</summary>
    public string ItemTypeName { get; }

    /// <summary>The property's /// summary, as plain markdown text; empty when it has none.</summary>
    public string Summary { get; }

    public IReadOnlyList<ParameterDeclaration> Declarations { get; }

    public IReadOnlyList<string> Aliases { get; }

    public bool SupportsWildcards { get; }

    /// <summary>ValidateSet values, or the names of the enum the parameter takes.</summary>
    public IReadOnlyList<string> AcceptedValues { get; }

    public bool IsSwitch => TypeName == "System.Management.Automation.SwitchParameter";

    /// <summary>-WhatIf or -Confirm, which PowerShell adds to every cmdlet that supports ShouldProcess.</summary>
    public static ParameterMetadata ShouldProcessParameter(string name, Type switchType, string summary, string alias) =>
        new(name, switchType, summary, new[] { alias });

    /// <summary>How the parameter binds in <paramref name="setName"/>, or null when it is not part of that set.</summary>
    public ParameterDeclaration? In(string setName) =>
        Declarations.FirstOrDefault(d => d.SetName == setName) ?? Declarations.FirstOrDefault(d => d.AppliesToEverySet);

    public override string ToString() => Name;

    private static ParameterDeclaration Declaration(CustomAttributeData attribute)
    {
        T Named<T>(string name, T fallback) =>
            attribute.NamedArguments.Where(a => a.MemberName == name).Select(a => (T)a.TypedValue.Value!).DefaultIfEmpty(fallback).First();

        var position = Named("Position", int.MinValue);
        return new ParameterDeclaration(
            Named("ParameterSetName", ParameterDeclaration.AllSets),
            position == int.MinValue ? null : position,
            Named("Mandatory", false),
            Named("ValueFromPipeline", false),
            Named("ValueFromPipelineByPropertyName", false),
            Named("ValueFromRemainingArguments", false),
            Named("DontShow", false),
            Named("HelpMessage", string.Empty));
    }

    private static IEnumerable<string> Strings(IEnumerable<CustomAttributeTypedArgument> arguments) =>
        arguments.SelectMany(argument => argument.Value is IEnumerable<CustomAttributeTypedArgument> items
            ? items.Select(item => (string)item.Value!)
            : new[] { (string)argument.Value! });

    private static IEnumerable<string> EnumNames(Type type)
    {
        var element = TypeNames.Unwrap(type);
        return element.IsEnum
            ? element.GetFields(BindingFlags.Public | BindingFlags.Static).Select(field => field.Name)
            : Enumerable.Empty<string>();
    }
}
