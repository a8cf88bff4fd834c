namespace Autotask.Billing.Reconciliation;

/// <summary>A saved difference (CSV or Clixml) has a property whose value cannot be read back.</summary>
public sealed class ContractDifferencePropertyException : FormatException
{
    public ContractDifferencePropertyException(string propertyName, object? value, string problem)
        : base($"Property '{propertyName}' {(value is null ? "is missing" : $"has the value '{value}'")}: {problem}")
    {
        PropertyName = propertyName;
        Value = value?.ToString();
    }

    public string PropertyName { get; }

    /// <summary>The offending value as text; null when the property was missing or empty.</summary>
    public string? Value { get; }
}
