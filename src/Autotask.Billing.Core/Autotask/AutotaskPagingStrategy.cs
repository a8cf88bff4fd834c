namespace Autotask.Billing.Autotask;

/// <summary>How the client walks a result set larger than one page.</summary>
public enum AutotaskPagingStrategy
{
    /// <summary>POST each page's nextPageUrl with the same body; falls back to the id cursor if Autotask refuses that URL.</summary>
    NextPageUrl,

    /// <summary>Repeat the query with "id greater than the last id seen" until a page comes back short.</summary>
    IdCursor,
}
