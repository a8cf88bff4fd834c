namespace Autotask.Billing.Tests.Sandbox;

public enum SandboxTransport
{
    InProcess,
    Loopback,
}
