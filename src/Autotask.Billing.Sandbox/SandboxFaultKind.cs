namespace Autotask.Billing.Sandbox;

public enum SandboxFaultKind
{
    // 429 "Request Threshold Exceeded", as when the hourly threshold is hit.
    RequestThresholdExceeded,

    // The thread-threshold error with SandboxOptions.ThreadThresholdStatusCode (429 by default).
    ThreadThresholdExceeded,

    // The thread-threshold error with status 500, as some integrations have seen it.
    ThreadThresholdExceededAs500,

    // 500 with a generic errors[] body; nothing is applied.
    InternalServerError,

    // The request is applied, then the connection fails before the response arrives.
    CommitThenDropConnection,

    // A gateway answers 504 at once while the backend goes on and commits the request later (SandboxFaults.CommitLate).
    CommitLateAfterGatewayTimeout,

    // No answer comes: the backend commits the request later and the connection is then dropped, so a client with a
    // shorter timeout gave up first (SandboxFaults.CommitLate).
    CommitLateWithoutAnswer,
}
