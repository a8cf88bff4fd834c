namespace Autotask.Billing.Sandbox.Model;

internal sealed class PicklistValue
{
    public PicklistValue(int value, string label, int sortOrder, bool isDefault = false, bool isActive = true, bool isSystem = false)
    {
        Value = value;
        Label = label;
        SortOrder = sortOrder;
        IsDefault = isDefault;
        IsActive = isActive;
        IsSystem = isSystem;
    }

    public int Value { get; }

    public string Label { get; }

    public int SortOrder { get; }

    public bool IsDefault { get; }

    public bool IsActive { get; }

    public bool IsSystem { get; }
}
