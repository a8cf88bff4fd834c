namespace Autotask.Billing.Autotask.Entities;

/// <summary>A user-defined field value; Autotask carries UDF values as strings on the wire.</summary>
public sealed class AutotaskUserDefinedField
{
    public string? Name { get; init; }

    public string? Value { get; init; }
}
