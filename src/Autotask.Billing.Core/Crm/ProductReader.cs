namespace Autotask.Billing.Crm;

/// <summary>
/// Reads catalog items from an export file or from loosely typed rows (Import-Csv, pipeline objects), with the common
/// column aliases of sales-system exports; one row per product.
/// </summary>
public static class ProductReader
{
    private static readonly string[] SourceNames = { "Source", "System" };
    private static readonly string[] SkuNames = { "Sku", "ProductSku", "PartNumber", "ItemNumber", "ProductCode" };
    private static readonly string[] NameNames = { "Name", "ProductName", "Title" };
    private static readonly string[] DescriptionNames = { "Description", "ProductDescription" };
    private static readonly string[] ManufacturerNames = { "ManufacturerName", "Manufacturer", "Brand" };
    private static readonly string[] PartNumberNames = { "ManufacturerPartNumber", "ManufacturerProductNumber", "Mpn", "MfrPartNumber" };
    private static readonly string[] CategoryNames = { "Category", "ProductCategory" };
    private static readonly string[] SubCategoryNames = { "SubCategory", "Subcategory", "ProductSubCategory" };
    private static readonly string[] VendorNames = { "VendorName", "Vendor", "Distributor" };
    private static readonly string[] VendorPartNames = { "VendorPartNumber", "VendorSku", "DistributorPartNumber" };
    private static readonly string[] PriceNames = { "UnitPrice", "Price", "SellPrice" };
    private static readonly string[] CostNames = { "UnitCost", "Cost" };
    private static readonly string[] MsrpNames = { "Msrp", "ListPrice" };

    public static IReadOnlyList<CrmProduct> Read(string path, string? defaultSource, CancellationToken cancellationToken = default) =>
        ExportRows.Read(path, null, cancellationToken).Select(item => FromRow(item.Row, defaultSource, item.Where)).ToList();

    public static CrmProduct FromRow(IReadOnlyDictionary<string, object?> row, string? defaultSource, string where)
    {
        if (row is null)
        {
            throw new ArgumentNullException(nameof(row));
        }

        var byName = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in row)
        {
            byName[pair.Key.Trim()] = pair.Value;
        }

        var source = RowValues.Text(byName, SourceNames) ?? CrmText.Clean(defaultSource)
            ?? throw new CustomerInputException($"{where}: no Source; give -Source or a Source column.");
        var sku = RowValues.Text(byName, SkuNames) ?? throw new CustomerInputException($"{where}: no Sku (or PartNumber, ProductCode).");
        var name = RowValues.Text(byName, NameNames) ?? throw new CustomerInputException($"{where}: product {sku} has no Name.");
        return new CrmProduct(
            source, sku, name, RowValues.Text(byName, DescriptionNames), RowValues.Text(byName, ManufacturerNames),
            RowValues.Text(byName, PartNumberNames), RowValues.Text(byName, CategoryNames), RowValues.Text(byName, SubCategoryNames),
            RowValues.Text(byName, VendorNames), RowValues.Text(byName, VendorPartNames), RowValues.Decimal(byName, PriceNames, where),
            RowValues.Decimal(byName, CostNames, where), RowValues.Decimal(byName, MsrpNames, where));
    }
}
