namespace Autotask.Billing.Sandbox;

// The API-only user the sandbox accepts. ToString never shows the secret or the integration code.
public sealed class SandboxApiUser
{
    public SandboxApiUser(string userName, string secret, string integrationCode, long resourceId)
    {
        UserName = userName;
        Secret = secret;
        IntegrationCode = integrationCode;
        ResourceId = resourceId;
    }

    public string UserName { get; }

    public string Secret { get; }

    public string IntegrationCode { get; }

    // The API-only Resource that writes are attributed to.
    public long ResourceId { get; }

    public override string ToString() => $"{UserName} (resource {ResourceId})";
}
