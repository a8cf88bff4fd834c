namespace Autotask.Billing.Mapping;

/// <summary>The bare host of a web address or e-mail domain: no scheme, user, port, path or leading <c>www.</c>.</summary>
internal static class DomainName
{
    public const string TenantSuffix = ".onmicrosoft.com";

    public static string? Host(string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return null;
        }

        var host = address!.Trim().ToLowerInvariant();
        var scheme = host.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            host = host.Substring(scheme + 3);
        }

        var end = host.IndexOfAny(new[] { '/', '?', '#' });
        if (end >= 0)
        {
            host = host.Substring(0, end);
        }

        var user = host.LastIndexOf('@');
        if (user >= 0)
        {
            host = host.Substring(user + 1);
        }

        var port = host.IndexOf(':');
        if (port >= 0)
        {
            host = host.Substring(0, port);
        }

        host = host.TrimEnd('.');
        if (host.StartsWith("www.", StringComparison.Ordinal))
        {
            host = host.Substring(4);
        }

        return host.Length == 0 || host.IndexOf('.') < 0 ? null : host;
    }

    /// <summary>The tenant name of a Microsoft 365 default domain (<c>contoso</c> of <c>contoso.onmicrosoft.com</c>).</summary>
    public static string? TenantName(string? host) =>
        host is not null && host.EndsWith(TenantSuffix, StringComparison.Ordinal) && host.Length > TenantSuffix.Length
            ? host.Substring(0, host.Length - TenantSuffix.Length)
            : null;
}
