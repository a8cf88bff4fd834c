namespace Autotask.Billing.Autotask;

/// <summary>An Autotask API-only user, its secret and the integration's API tracking identifier.</summary>
public sealed class AutotaskCredential
{
    public AutotaskCredential(string userName, ApiSecret secret, ApiSecret integrationCode, long? impersonationResourceId = null)
    {
        if (string.IsNullOrWhiteSpace(userName))
        {
            throw new ArgumentException("The API user name must not be empty.", nameof(userName));
        }

        UserName = userName.Trim();
        Secret = secret ?? throw new ArgumentNullException(nameof(secret));
        IntegrationCode = integrationCode ?? throw new ArgumentNullException(nameof(integrationCode));
        ImpersonationResourceId = impersonationResourceId;
    }

    public string UserName { get; }

    public ApiSecret Secret { get; }

    public ApiSecret IntegrationCode { get; }

    /// <summary>When set, writes are executed and attributed as this Autotask resource.</summary>
    public long? ImpersonationResourceId { get; }

    public override string ToString() => UserName;
}
