namespace Autotask.Billing.Autotask.Serialization;

/// <summary>The answer of entityInformation/fields, <c>{"fields": [...]}</c>, read straight into field descriptions.</summary>
internal sealed class AutotaskFieldsAnswer
{
    public List<EntityFieldInformation?>? Fields { get; init; }
}
