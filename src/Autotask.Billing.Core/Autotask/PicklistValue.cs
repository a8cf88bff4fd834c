namespace Autotask.Billing.Autotask;

/// <summary>One value of a picklist field; the value is a string on the wire even for integer picklists.</summary>
public sealed class PicklistValue
{
    public string Value { get; init; } = "";

    public string Label { get; init; } = "";

    public bool IsDefaultValue { get; init; }

    public int? SortOrder { get; init; }

    public string? ParentValue { get; init; }

    public bool IsActive { get; init; } = true;

    public bool IsSystem { get; init; }

    public override string ToString() => $"{Label} ({Value})";
}
