using System.Globalization;
using Autotask.Billing.Autotask;
using Autotask.Billing.Autotask.Entities;
using Autotask.Billing.Autotask.Query;
using Autotask.Billing.Mapping;
using Autotask.Billing.Sync;

namespace Autotask.Billing.Crm;

/// <summary>
/// PLAN for Sync-AtProduct: pairs each catalog item with an Autotask product (the SKU mapping first, then a product
/// with the same SKU, then one whose Manufacturer Product Number is the part number, as the Intermedia and
/// ChannelOnline integrations do), and lists the creates and the updates of fields that differ. The source is the
/// master for product information. Autotask models the manufacturer as text on the product (manufacturerName and the
/// "Manufacturer Product Number", manufacturerProductName on the wire), so a manufacturer missing from Autotask is
/// created by naming it there; the category is the productCategory picklist, resolved by label (the sub-category,
/// else the category, else the default category of the run); the vendor is a company of type Vendor. Products are read
/// once in bulk (pages of 500), vendors once, and the picklist once.
/// </summary>
public static class ProductSyncPlanner
{
    private const string ProductFields = "id,name,description,sku,manufacturerName,manufacturerProductName,vendorProductNumber,productCategory,defaultVendorID,unitPrice,unitCost,msrp,isActive";

    public static async Task<ProductSyncPlan> PlanAsync(
        IEnumerable<CrmProduct> products,
        AutotaskClient client,
        MappingDocument document,
        ProductSyncOptions options,
        CancellationToken cancellationToken = default)
    {
        if (products is null || client is null || document is null || options is null)
        {
            throw new ArgumentNullException(products is null ? nameof(products) : client is null ? nameof(client) : document is null ? nameof(document) : nameof(options));
        }

        var before = client.Requests.Total;
        var items = products.Where(static p => p is not null)
            .GroupBy(static p => MappingKeys.Of(p.Source, p.Sku), MappingKeys.Comparer)
            .Select(static g => g.Last())
            .ToList();
        var existing = await client.QueryLargeAsync<Product>(AutotaskQuery.All.WithIncludeFields(ProductFields.Split(',')), cancellationToken).ConfigureAwait(false);
        var fields = await client.GetFieldsAsync("Products", cancellationToken).ConfigureAwait(false);
        var categories = fields.FirstOrDefault(static f => string.Equals(f.Name, "productCategory", StringComparison.OrdinalIgnoreCase))?.PicklistValues
            ?? Array.Empty<global::Autotask.Billing.Autotask.PicklistValue>();
        var vendors = items.Any(static p => p.VendorName is not null)
            ? await ReadVendorsAsync(client, cancellationToken).ConfigureAwait(false)
            : new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);

        int? defaultCategory = null;
        if (options.DefaultCategory is { } defaultLabel)
        {
            defaultCategory = CategoryValue(categories, defaultLabel)
                ?? throw new ArgumentException($"The default category '{defaultLabel}' is not a product category in Autotask.", nameof(options));
        }

        var byId = existing.ToDictionary(static p => p.Id);
        var bySku = existing.Where(static p => CrmText.Clean(p.Sku) is not null).GroupBy(static p => p.Sku!.Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(static g => g.Key, static g => g.OrderBy(static p => p.Id).First(), StringComparer.OrdinalIgnoreCase);
        var byPartNumber = existing.Where(static p => CrmText.Clean(p.ManufacturerProductName) is not null)
            .GroupBy(static p => p.ManufacturerProductName!.Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(static g => g.Key, static g => g.OrderBy(static p => p.Id).First(), StringComparer.OrdinalIgnoreCase);

        var operations = new List<SyncOperation>();
        var writes = new Dictionary<string, CrmWrite>(StringComparer.Ordinal);
        var pairings = new List<(CrmProduct, long?, string?)>();
        var inStep = 0;
        foreach (var item in items)
        {
            var mappedId = document.FindService(item.Source, item.Sku) is { Action: MappingAction.Existing, ProductId: long id } ? id : (long?)null;
            Product? match = mappedId is long m && byId.TryGetValue(m, out var mapped) ? mapped
                : bySku.TryGetValue(item.Sku, out var sameSku) ? sameSku
                : byPartNumber.TryGetValue(item.ManufacturerPartNumber ?? item.Sku, out var samePart) ? samePart
                : null;
            var (category, categoryNote) = Category(categories, item, defaultCategory, options.DefaultCategory);
            long? vendorId = item.VendorName is { } vendorName && vendors.TryGetValue(vendorName, out var found) ? found : null;
            var vendorNote = item.VendorName is not null && vendorId is null ? $"vendor '{item.VendorName}' is not a vendor company in Autotask, so none is set" : null;
            var notes = new[] { categoryNote, vendorNote }.Where(static n => n is not null).ToList();
            var key = "product\u001F" + operations.Count.ToString(CultureInfo.InvariantCulture);
            if (match is null)
            {
                var operation = Operation(key, item, SyncOperationKind.CreateProduct, $"create product '{AutotaskText.Truncate(item.Name, 100)}'" + Describe(item, options) + Notes(notes));
                if (document.Settings.MaterialBillingCodeId is not long billingCode)
                {
                    operation = Operation(key, item, SyncOperationKind.CreateProduct, "held back: no material billing code is set for new products; run Set-AtBillingSetting -MaterialBillingCode",
                        "no material billing code is set for new products; run Set-AtBillingSetting -MaterialBillingCode");
                    operations.Add(operation);
                    continue;
                }

                operations.Add(operation);
                writes[key] = new CrmWrite
                {
                    Create = new Product
                    {
                        Name = AutotaskText.Truncate(item.Name, 100),
                        Description = AutotaskText.Truncate(item.Description, 2000),
                        Sku = AutotaskText.Truncate(item.Sku, 50),
                        ManufacturerName = AutotaskText.Truncate(item.ManufacturerName, 100),
                        ManufacturerProductName = AutotaskText.Truncate(item.ManufacturerPartNumber, 100),
                        VendorProductNumber = AutotaskText.Truncate(item.VendorPartNumber, 50),
                        ProductCategory = category,
                        ProductBillingCodeID = billingCode,
                        DefaultVendorID = vendorId,
                        UnitPrice = options.SyncPrices ? item.UnitPrice : null,
                        UnitCost = options.SyncPrices ? item.UnitCost : null,
                        Msrp = options.SyncPrices ? item.Msrp : null,
                        IsActive = true,
                        IsSerialized = false,
                    },
                };
                pairings.Add((item, null, key));
                continue;
            }

            pairings.Add((item, match.Id, null));
            var changes = new Dictionary<string, object?>(StringComparer.Ordinal);
            var words = new List<string>();
            void Text(string field, string label, string? wanted, string? current)
            {
                if (wanted is not null && !string.Equals(wanted, CrmText.Clean(current), StringComparison.Ordinal))
                {
                    changes[field] = wanted;
                    words.Add($"{label} '{current}' → '{wanted}'");
                }
            }

            void Money(string field, string label, decimal? wanted, decimal? current)
            {
                if (options.SyncPrices && wanted is not null && wanted != current)
                {
                    changes[field] = wanted;
                    words.Add(label + " " + Money2(current) + " → " + Money2(wanted));
                }
            }

            Text("name", "name", AutotaskText.Truncate(item.Name, 100), match.Name);
            Text("description", "description", AutotaskText.Truncate(item.Description, 2000), match.Description);
            Text("manufacturerName", "manufacturer", AutotaskText.Truncate(item.ManufacturerName, 100), match.ManufacturerName);
            Text("manufacturerProductName", "manufacturer part number", AutotaskText.Truncate(item.ManufacturerPartNumber, 100), match.ManufacturerProductName);
            Text("vendorProductNumber", "vendor part number", AutotaskText.Truncate(item.VendorPartNumber, 50), match.VendorProductNumber);
            if (category is not null && category != match.ProductCategory && !(categoryNote is not null && match.ProductCategory is not null))
            {
                changes["productCategory"] = category;
                words.Add($"category → '{Label(categories, category.Value)}'");
            }

            if (vendorId is not null && vendorId != match.DefaultVendorID)
            {
                changes["defaultVendorID"] = vendorId;
                words.Add($"vendor → '{item.VendorName}'");
            }

            Money("unitPrice", "unit price", item.UnitPrice, match.UnitPrice);
            Money("unitCost", "unit cost", item.UnitCost, match.UnitCost);
            Money("msrp", "MSRP", item.Msrp, match.Msrp);
            if (changes.Count == 0)
            {
                inStep++;
                continue;
            }

            var update = Operation(key, item, SyncOperationKind.UpdateProduct, $"update product {match.Id} '{match.Name}': " + string.Join("; ", words) + Notes(notes));
            operations.Add(update);
            writes[key] = new CrmWrite { ExistingId = match.Id, Changes = changes };
        }

        for (var i = 0; i < operations.Count; i++)
        {
            operations[i].OperationId = (i + 1).ToString("D4", CultureInfo.InvariantCulture);
        }

        return new ProductSyncPlan(client, operations, writes, pairings, items.Count, inStep, client.Requests.Total - before);
    }

    private static async Task<Dictionary<string, long>> ReadVendorsAsync(AutotaskClient client, CancellationToken cancellationToken)
    {
        var vendorType = await client.ResolvePicklistValueAsync("Companies", "companyType", "Vendor", cancellationToken).ConfigureAwait(false);
        var rows = await client.QueryLargeAsync<Company>(
            AutotaskQuery.Where(AutotaskFilter.Eq("companyType", int.Parse(vendorType, CultureInfo.InvariantCulture))).WithIncludeFields("id", "companyName"),
            cancellationToken).ConfigureAwait(false);
        return rows.Where(static c => c.CompanyName is not null).GroupBy(static c => c.CompanyName!.Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(static g => g.Key, static g => g.Min(static c => c.Id), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The sub-category's value, else the category's, else the default's (with a note saying why).</summary>
    private static (int? Value, string? Note) Category(
        IReadOnlyList<global::Autotask.Billing.Autotask.PicklistValue> categories, CrmProduct item, int? defaultCategory, string? defaultLabel)
    {
        if (item.SubCategory is { } sub && CategoryValue(categories, sub) is int subValue)
        {
            return (subValue, null);
        }

        if (item.Category is { } main && CategoryValue(categories, main) is int mainValue)
        {
            return (mainValue, item.SubCategory is null ? null : $"sub-category '{item.SubCategory}' is not in Autotask, so category '{main}' is used");
        }

        var wanted = string.Join(" / ", new[] { item.Category, item.SubCategory }.Where(static t => t is not null));
        if (wanted.Length == 0)
        {
            return (defaultCategory, defaultCategory is null ? null : $"no category given, so the default category '{defaultLabel}' is used");
        }

        return (defaultCategory, defaultCategory is null
            ? $"category '{wanted}' is not in Autotask and no default category was given, so none is set"
            : $"category '{wanted}' is not in Autotask, so the default category '{defaultLabel}' is used");
    }

    private static int? CategoryValue(IReadOnlyList<global::Autotask.Billing.Autotask.PicklistValue> categories, string label) =>
        categories.Where(v => string.Equals(v.Label.Trim(), label.Trim(), StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(static v => v.IsActive)
            .Select(static v => int.TryParse(v.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : (int?)null)
            .FirstOrDefault(static v => v is not null);

    private static string Label(IReadOnlyList<global::Autotask.Billing.Autotask.PicklistValue> categories, int value) =>
        categories.FirstOrDefault(v => v.Value == value.ToString(CultureInfo.InvariantCulture))?.Label ?? value.ToString(CultureInfo.InvariantCulture);

    private static string Describe(CrmProduct item, ProductSyncOptions options)
    {
        var parts = new List<string> { "SKU " + item.Sku };
        if (item.ManufacturerName is not null)
        {
            parts.Add($"manufacturer {item.ManufacturerName}" + (item.ManufacturerPartNumber is null ? string.Empty : $" part {item.ManufacturerPartNumber}"));
        }

        if (options.SyncPrices && item.UnitPrice is decimal price)
        {
            parts.Add("unit price " + Money2(price));
        }
        else if (!options.SyncPrices)
        {
            parts.Add("no prices (price sync off)");
        }

        return ": " + string.Join(", ", parts);
    }

    private static string Money2(decimal? value) => value?.ToString("0.00", CultureInfo.InvariantCulture) ?? "none";

    private static string Notes(IReadOnlyList<string?> notes) => notes.Count == 0 ? string.Empty : "; " + string.Join("; ", notes);

    private static SyncOperation Operation(string key, CrmProduct item, SyncOperationKind kind, string action, string? problem = null) =>
        new(key, new SyncOperationDetails())
        {
            Kind = kind,
            Entity = "Products",
            Target = $"product {item.Sku} '{item.Name}' ({item.Source})",
            Action = action,
            Impact = SyncImpact.Medium,
            Problem = problem,
            Sku = item.Sku,
        };
}
