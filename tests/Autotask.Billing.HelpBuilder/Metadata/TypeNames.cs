namespace Autotask.Billing.HelpBuilder.Metadata;

/// <summary>How help spells a type: full names in the yaml and MAML, PowerShell's short names in syntax.</summary>
public static class TypeNames
{
    private static readonly IReadOnlyDictionary<string, string> Accelerators = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["System.String"] = "string",
        ["System.Int16"] = "short",
        ["System.Int32"] = "int",
        ["System.Int64"] = "long",
        ["System.UInt32"] = "uint",
        ["System.UInt64"] = "ulong",
        ["System.Byte"] = "byte",
        ["System.Char"] = "char",
        ["System.Boolean"] = "bool",
        ["System.Decimal"] = "decimal",
        ["System.Double"] = "double",
        ["System.Single"] = "float",
        ["System.DateTime"] = "datetime",
        ["System.TimeSpan"] = "timespan",
        ["System.Guid"] = "guid",
        ["System.Uri"] = "uri",
        ["System.Version"] = "version",
        ["System.Object"] = "Object",
        ["System.Collections.Hashtable"] = "hashtable",
        ["System.Security.SecureString"] = "securestring",
        ["System.Management.Automation.ScriptBlock"] = "scriptblock",
        ["System.Management.Automation.PSCredential"] = "pscredential",
        ["System.Management.Automation.PSObject"] = "psobject",
        ["System.Management.Automation.SwitchParameter"] = "switch",
    };

    /// <summary>The full name, with nullable and array types spelled as .NET prints them (System.Nullable`1[System.Int64]).</summary>
    public static string Full(Type type)
    {
        if (type.IsArray)
        {
            return Full(type.GetElementType()!) + "[]";
        }

        if (IsNullable(type))
        {
            return $"System.Nullable`1[{Full(type.GetGenericArguments()[0])}]";
        }

        return type.FullName ?? type.Name;
    }

    /// <summary>The name PowerShell shows in a syntax line: nullable unwrapped, accelerators, no namespaces.</summary>
    public static string Syntax(Type type)
    {
        if (type.IsArray)
        {
            return Syntax(type.GetElementType()!) + "[]";
        }

        if (IsNullable(type))
        {
            return Syntax(type.GetGenericArguments()[0]);
        }

        return Accelerators.TryGetValue(type.FullName ?? string.Empty, out var accelerator) ? accelerator : type.Name;
    }

    /// <summary>The type an item of the parameter is: arrays and nullables unwrapped.</summary>
    public static Type Unwrap(Type type)
    {
        if (type.IsArray)
        {
            return Unwrap(type.GetElementType()!);
        }

        return IsNullable(type) ? Unwrap(type.GetGenericArguments()[0]) : type;
    }

    private static bool IsNullable(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition().FullName == "System.Nullable`1";
}
