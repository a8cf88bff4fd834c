namespace Autotask.Billing.Autotask.Serialization;

/// <summary>The answer to a GET by id, <c>{"item": {...}}</c>; item is null when Autotask has no such record.</summary>
internal sealed class AutotaskItemAnswer<T>
    where T : class
{
    public T? Item { get; init; }
}
