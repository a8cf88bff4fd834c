namespace Autotask.Billing.Autotask.Serialization;

/// <summary>The paging part of a query page; only the link to the next page matters to the client.</summary>
internal sealed class AutotaskPageDetails
{
    public string? NextPageUrl { get; init; }
}
