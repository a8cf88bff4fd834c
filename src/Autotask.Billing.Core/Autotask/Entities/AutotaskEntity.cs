namespace Autotask.Billing.Autotask.Entities;

/// <summary>
/// A row of an Autotask entity. Properties are nullable because Autotask sends nulls for empty fields and leaves
/// out everything not named in a query's IncludeFields. An id of 0 means "not created yet".
/// </summary>
public abstract class AutotaskEntity
{
    public long Id { get; init; }
}
