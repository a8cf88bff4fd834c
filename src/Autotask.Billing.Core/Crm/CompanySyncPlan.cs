using Autotask.Billing.Autotask;

namespace Autotask.Billing.Crm;

/// <summary>
/// The ordered writes a customer push would make (companies, then their contacts), built by bulk reads only: what
/// -WhatIf shows. Hand it with the approved operation ids to <see cref="CompanySyncExecutor"/>.
/// </summary>
public sealed class CompanySyncPlan
{
    internal CompanySyncPlan(
        AutotaskClient client,
        IReadOnlyList<SyncOperation> operations,
        IReadOnlyDictionary<string, CrmWrite> writes,
        IReadOnlyList<CompanyPairing> pairings,
        int customers,
        int customersInStep,
        long requestsUsed)
    {
        Client = client;
        Operations = operations;
        Writes = writes;
        Pairings = pairings;
        Customers = customers;
        CustomersInStep = customersInStep;
        RequestsUsed = requestsUsed;
    }

    public IReadOnlyList<SyncOperation> Operations { get; }

    /// <summary>How many customers the plan covers.</summary>
    public int Customers { get; }

    /// <summary>Customers whose company and selected contacts Autotask already shows as the source has them.</summary>
    public int CustomersInStep { get; }

    /// <summary>The Autotask requests planning took (reads only).</summary>
    public long RequestsUsed { get; }

    internal AutotaskClient Client { get; }

    internal IReadOnlyDictionary<string, CrmWrite> Writes { get; }

    internal IReadOnlyList<CompanyPairing> Pairings { get; }
}
