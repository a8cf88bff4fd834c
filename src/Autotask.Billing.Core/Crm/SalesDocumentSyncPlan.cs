using Autotask.Billing.Autotask;

namespace Autotask.Billing.Crm;

/// <summary>The writes a quote push would make (opportunities, quotes, their items), built by bulk reads: what -WhatIf shows.</summary>
public sealed class SalesDocumentSyncPlan
{
    internal SalesDocumentSyncPlan(AutotaskClient client, IReadOnlyList<SyncOperation> operations, IReadOnlyDictionary<string, CrmWrite> writes, int documents, int documentsInStep, long requestsUsed)
    {
        Client = client;
        Operations = operations;
        Writes = writes;
        Documents = documents;
        DocumentsInStep = documentsInStep;
        RequestsUsed = requestsUsed;
    }

    public IReadOnlyList<SyncOperation> Operations { get; }

    public int Documents { get; }

    /// <summary>Documents whose opportunity, quote and items Autotask already holds as the source has them.</summary>
    public int DocumentsInStep { get; }

    public long RequestsUsed { get; }

    internal AutotaskClient Client { get; }

    internal IReadOnlyDictionary<string, CrmWrite> Writes { get; }
}
