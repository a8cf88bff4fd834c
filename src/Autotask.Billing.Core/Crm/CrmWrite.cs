using Autotask.Billing.Autotask.Entities;

namespace Autotask.Billing.Crm;

/// <summary>What the executor writes for one planned company or contact operation.</summary>
internal sealed class CrmWrite
{
    /// <summary>The record to create (a company, or a contact whose companyID the executor fills in when it is new).</summary>
    public AutotaskEntity? Create { get; init; }

    /// <summary>The wire-named fields to PATCH on <see cref="ExistingId"/>.</summary>
    public IReadOnlyDictionary<string, object?>? Changes { get; init; }

    public long? ExistingId { get; init; }

    /// <summary>The contact's company when it exists at plan time.</summary>
    public long? CompanyId { get; init; }

    /// <summary>The plan key of the operation creating the contact's company, when it does not exist yet.</summary>
    public string? CompanyOperationKey { get; init; }
}
