namespace Autotask.Billing.Autotask;

/// <summary>A field of an entity as described by /{Entity}/entityInformation/fields.</summary>
public sealed class EntityFieldInformation
{
    public string Name { get; init; } = "";

    public string? DataType { get; init; }

    public int? Length { get; init; }

    public bool IsRequired { get; init; }

    public bool IsReadOnly { get; init; }

    public bool IsQueryable { get; init; }

    public bool IsReference { get; init; }

    public string? ReferenceEntityType { get; init; }

    public bool IsPickList { get; init; }

    public IReadOnlyList<PicklistValue>? PicklistValues { get; init; }

    public string? PicklistParentValueField { get; init; }

    public bool IsSupportedWebhookField { get; init; }

    public override string ToString() => Name;
}
