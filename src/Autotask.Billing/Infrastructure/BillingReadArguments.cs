namespace Autotask.Billing.Infrastructure;

/// <summary>The -Month / -Since / -Until and -Format arguments that the commands reading vendor billing share.</summary>
internal static class BillingReadArguments
{
    /// <summary>The service-date window the arguments describe; null when none was given.</summary>
    public static BillingWindow? Window(string? month, DateTime? since, DateTime? until)
    {
        if (month is not null && (since is not null || until is not null))
        {
            throw new ArgumentException("Use either -Month or -Since/-Until, not both.");
        }

        return month is not null ? BillingWindow.ForMonth(month)
            : since is not null || until is not null ? BillingWindow.Between(UtcDate.From(since), UtcDate.From(until))
            : null;
    }

    /// <summary>The -Culture the vendor's slash dates are written in; null when none was given (BillingCulture resolves it).</summary>
    public static System.Globalization.CultureInfo? Culture(string? culture) =>
        culture is null ? null : BillingCulture.Resolve(culture);

    /// <summary>A built-in format name, an embedded profile name, or (with a profile path) a profile file; detection when none.</summary>
    public static (BillingSourceFormat Format, BillingProfile? Profile) Format(string? format, string? profilePath)
    {
        if (profilePath is not null)
        {
            return (BillingSourceFormat.Profile, BillingProfile.Load(profilePath));
        }

        if (format is null)
        {
            return (BillingSourceFormat.Detect, null);
        }

        return Enum.TryParse<BillingSourceFormat>(format, ignoreCase: true, out var builtIn) && builtIn != BillingSourceFormat.Profile
            ? (builtIn, null)
            : (BillingSourceFormat.Profile, BillingProfile.Embedded(format));
    }
}
