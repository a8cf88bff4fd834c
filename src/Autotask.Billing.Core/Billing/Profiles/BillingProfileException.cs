namespace Autotask.Billing;

/// <summary>A column-map profile that cannot be found or does not follow the schema in PROFILES.md.</summary>
public sealed class BillingProfileException : Exception
{
    public BillingProfileException(string profile, string message, Exception? inner = null)
        : base($"Billing profile '{profile}': {message}", inner)
    {
        Profile = profile;
    }

    public string Profile { get; }
}
