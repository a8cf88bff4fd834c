using Autotask.Billing.Reporting;

namespace Autotask.Billing.Mapping;

/// <summary>
/// Mappings as the mapping cmdlets hand them out and take them back. What they emit is exported with Export-Csv for a
/// bulk edit in a spreadsheet, and Export-Csv writes the objects' own properties, so the emitted copy has every text
/// property formula-guarded by <see cref="SpreadsheetText"/> (the one guard of review files and the CSV report); the
/// store, the matchers and sync keep the vendor's own text. <see cref="Restore"/> takes the guard off again where such
/// an object, or an Import-Csv row of it, comes back, so a round trip stores exactly the original text.
/// </summary>
public static class MappingSpreadsheetText
{
    public static CustomerMapping Guarded(CustomerMapping mapping) => Copy(mapping, SpreadsheetText.Guard);

    public static ServiceMapping Guarded(ServiceMapping mapping) => Copy(mapping, SpreadsheetText.Guard);

    public static VendorCustomer Guarded(VendorCustomer customer)
    {
        if (customer is null)
        {
            throw new ArgumentNullException(nameof(customer));
        }

        return new VendorCustomer(
            SpreadsheetText.Guard(customer.Source)!, SpreadsheetText.Guard(customer.CustomerId)!, SpreadsheetText.Guard(customer.CustomerName)!, SpreadsheetText.Guard(customer.Domain));
    }

    public static MatchProposal Guarded(MatchProposal proposal) =>
        (proposal ?? throw new ArgumentNullException(nameof(proposal))).WithText(SpreadsheetText.Guard);

    public static SkuMatchProposal Guarded(SkuMatchProposal proposal) =>
        (proposal ?? throw new ArgumentNullException(nameof(proposal))).WithText(SpreadsheetText.Guard);

    /// <summary>The copy of a guarded mapping with the text it was made from (a mapping not guarded is returned equal).</summary>
    public static CustomerMapping Restored(CustomerMapping mapping) => Copy(mapping, SpreadsheetText.Restore);

    public static ServiceMapping Restored(ServiceMapping mapping) => Copy(mapping, SpreadsheetText.Restore);

    /// <summary>
    /// Takes the guard off every value of a row (an Import-Csv row of exported mappings, or a mapping's own row); the
    /// row readers trim values, so a guard behind edited-in spaces comes off too.
    /// </summary>
    public static void Restore(IDictionary<string, string?> row)
    {
        if (row is null)
        {
            throw new ArgumentNullException(nameof(row));
        }

        foreach (var key in row.Keys.ToList())
        {
            row[key] = SpreadsheetText.Restore(row[key]?.Trim());
        }
    }

    private static CustomerMapping Copy(CustomerMapping mapping, Func<string?, string?> text)
    {
        if (mapping is null)
        {
            throw new ArgumentNullException(nameof(mapping));
        }

        return new CustomerMapping(text(mapping.Source)!, text(mapping.CustomerId)!)
        {
            CustomerName = text(mapping.CustomerName),
            CompanyAction = mapping.CompanyAction,
            CompanyId = mapping.CompanyId,
            ContractAction = mapping.ContractAction,
            ContractId = mapping.ContractId,
            Export = mapping.Export,
            PricingStrategy = mapping.PricingStrategy,
            EffectiveDatePolicy = mapping.EffectiveDatePolicy,
            SyncStartDate = mapping.SyncStartDate,
            Phone = text(mapping.Phone),
            Address = text(mapping.Address),
            City = text(mapping.City),
            State = text(mapping.State),
            PostalCode = text(mapping.PostalCode),
            WebAddress = text(mapping.WebAddress),
            Notes = text(mapping.Notes),
            CreatedUtc = mapping.CreatedUtc,
            UpdatedUtc = mapping.UpdatedUtc,
        };
    }

    private static ServiceMapping Copy(ServiceMapping mapping, Func<string?, string?> text)
    {
        if (mapping is null)
        {
            throw new ArgumentNullException(nameof(mapping));
        }

        return new ServiceMapping(text(mapping.Source)!, text(mapping.Sku)!)
        {
            Action = mapping.Action,
            ServiceId = mapping.ServiceId,
            ProductId = mapping.ProductId,
            NameTemplate = text(mapping.NameTemplate),
            Excluded = mapping.Excluded,
            Notes = text(mapping.Notes),
            CreatedUtc = mapping.CreatedUtc,
            UpdatedUtc = mapping.UpdatedUtc,
        };
    }
}
