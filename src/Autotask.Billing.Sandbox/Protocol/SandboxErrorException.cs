namespace Autotask.Billing.Sandbox.Protocol;

// A validation or business-rule failure; Autotask reports these as HTTP 500 with {"errors":[...]}.
internal sealed class SandboxErrorException : Exception
{
    public SandboxErrorException(string message)
        : base(message)
    {
    }
}
