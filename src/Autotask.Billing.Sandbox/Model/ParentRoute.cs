namespace Autotask.Billing.Sandbox.Model;

// How a child entity hangs under its parent: /{ParentEntity}/{parentId}/{Segment}.
internal sealed class ParentRoute
{
    public ParentRoute(string parentEntity, string segment, string parentField)
    {
        ParentEntity = parentEntity;
        Segment = segment;
        ParentField = parentField;
    }

    public string ParentEntity { get; }

    public string Segment { get; }

    public string ParentField { get; }
}
