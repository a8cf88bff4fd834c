namespace Autotask.Billing.Crm;

/// <summary>Text rules shared by the customer and contact models: trimmed, and empty means absent.</summary>
internal static class CrmText
{
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();

    public static string Require(string? value, string parameterName) =>
        Clean(value) ?? throw new ArgumentException("A value is required.", parameterName);

    public static bool SameText(string? a, string? b) => string.Equals(Clean(a), Clean(b), StringComparison.OrdinalIgnoreCase);

    /// <summary>An address Autotask accepts: one @, something on either side, a dot in the domain, no spaces.</summary>
    public static bool IsEmailAddress(string value)
    {
        var at = value.IndexOf('@');
        return at > 0 && at == value.LastIndexOf('@') && value.IndexOf('.', at) > at + 1 && !value.EndsWith(".", StringComparison.Ordinal)
            && !value.Any(char.IsWhiteSpace);
    }
}
