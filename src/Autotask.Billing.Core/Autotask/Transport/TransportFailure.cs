namespace Autotask.Billing.Autotask.Transport;

internal enum TransportFailure
{
    None,

    /// <summary>The connection was refused: the request never reached the server.</summary>
    NotSent,

    /// <summary>The connection broke after the request may have been sent.</summary>
    Broken,

    TimedOut,
}
