using Autotask.Billing.Autotask.Entities;

namespace Autotask.Billing.Crm;

/// <summary>What the executor writes for one planned company or contact operation.</summary>
internal sealed class CrmWrite
{
    /// <summary>The record to create (its parent id is filled in by the executor when the parent is new).</summary>
    public AutotaskEntity? Create { get; init; }

    /// <summary>The wire-named fields to PATCH on <see cref="ExistingId"/>.</summary>
    public IReadOnlyDictionary<string, object?>? Changes { get; init; }

    public long? ExistingId { get; init; }

    /// <summary>The parent the record is written under (a contact's company, a quote item's quote) when it exists at plan time.</summary>
    public long? ParentId { get; init; }

    /// <summary>The plan key of the operation creating that parent, when it does not exist yet.</summary>
    public string? ParentOperationKey { get; init; }
}
