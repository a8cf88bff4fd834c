namespace Autotask.Billing.Infrastructure;

/// <summary>
/// A date parameter as a billing date: PowerShell binds "2026-10-31" as a local, kind-less DateTime; only its calendar
/// date counts, so the local time zone can never move a billing date.
/// </summary>
internal static class UtcDate
{
    public static DateTime From(DateTime value) => DateTime.SpecifyKind(value.Date, DateTimeKind.Utc);

    public static DateTime? From(DateTime? value) => value is null ? null : From(value.Value);

    public static DateTime Today => DateTime.UtcNow.Date;
}
