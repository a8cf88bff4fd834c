namespace Autotask.Billing;

/// <summary>
/// The vendor sources the readers name on their lines (Transaction.Source): the built-in readers' and the embedded
/// profiles'. A generic CSV's Source column or an admin's own profile may name others; those are known once mapped.
/// </summary>
public static class BillingSources
{
    private static readonly Lazy<IReadOnlyList<string>> Known = new(() =>
        new[] { Readers.GenericCsvReader.Name, Readers.PartnerCenterReader.SourceName }
            .Concat(BillingProfile.EmbeddedNames.Select(name => BillingProfile.Embedded(name).Source))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList());

    public static IReadOnlyList<string> BuiltIn => Known.Value;

    /// <summary>The sources the commands accept: the readers' own, then those a mapping store names (none without one).</summary>
    public static IReadOnlyList<string> KnownTo(Mapping.MappingDocument? document) =>
        BuiltIn
            .Concat(document?.Customers.Select(customer => customer.Source) ?? Enumerable.Empty<string>())
            .Concat(document?.Services.Select(service => service.Source) ?? Enumerable.Empty<string>())
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();

    /// <summary>The known spelling of <paramref name="source"/> among <paramref name="known"/> (case-insensitive), else null.</summary>
    public static string? Match(string? source, IEnumerable<string> known) =>
        known.FirstOrDefault(name => string.Equals(name, source?.Trim(), StringComparison.OrdinalIgnoreCase));
}
