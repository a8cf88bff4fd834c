namespace Autotask.Billing.Autotask.Transport;

internal enum ResponseDisposition
{
    Success,

    /// <summary>Safe and worth trying again: throttled, refused before sending, or a transient failure of a repeatable request.</summary>
    Retry,

    /// <summary>A create may or may not have committed; only a lookup can tell.</summary>
    OutcomeUnknown,

    Failure,
}
