namespace Autotask.Billing.Sync;

/// <summary>An Autotask record a write needs: known by id at plan time, or produced by an earlier operation of the run.</summary>
internal readonly struct EntityReference
{
    private EntityReference(long? id, string? operationKey)
    {
        Id = id;
        OperationKey = operationKey;
    }

    public long? Id { get; }

    /// <summary>The key of the planned operation that creates (or finds) the record.</summary>
    public string? OperationKey { get; }

    public bool IsEmpty => Id is null && OperationKey is null;

    public static EntityReference None => default;

    public static EntityReference Known(long id) => new(id, null);

    public static EntityReference ProducedBy(string operationKey) => new(null, operationKey);
}
