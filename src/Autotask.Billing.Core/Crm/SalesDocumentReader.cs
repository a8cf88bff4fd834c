using System.Collections;

namespace Autotask.Billing.Crm;

/// <summary>
/// Reads quotes and sales orders from an export file or loosely typed rows: one row per line with the document's
/// columns repeated (or a JSON document with a nested Lines array). Rows of one document (same source and number) are
/// gathered in order. Values are read as <see cref="Loose.LooseValue"/> reads them (dates ISO or in the session culture).
/// </summary>
public sealed class SalesDocumentReader
{
    private static readonly string[] SourceNames = { "Source", "System" };
    private static readonly string[] NumberNames = { "DocumentNumber", "QuoteNumber", "OrderNumber", "Number" };
    private static readonly string[] TypeNames = { "DocumentType", "Type" };
    private static readonly string[] CustomerNames = { "CustomerId", "AccountId", "AccountNumber" };
    private static readonly string[] RepNames = { "SalesRep", "SalesRepEmail", "Rep" };
    private static readonly string[] TermsNames = { "PaymentTerms", "PaymentTerm", "Terms" };
    private static readonly string[] ShippingNames = { "ShippingType", "Carrier", "ShipVia" };
    private static readonly string[] OpportunityNames = { "OpportunityName", "Opportunity" };
    private static readonly string[] OpportunityIdNames = { "OpportunityId" };
    private static readonly string[] DateNames = { "DocumentDate", "Date", "QuoteDate", "OrderDate" };
    private static readonly string[] ExpirationNames = { "ExpirationDate", "ValidUntil" };
    private static readonly string[] SkuNames = { "Sku", "PartNumber", "ProductCode", "Item" };
    private static readonly string[] LineTypeNames = { "LineType", "ItemType" };
    private static readonly string[] DescriptionNames = { "Description", "LineDescription" };
    private static readonly string[] QuantityNames = { "Quantity", "Qty" };
    private static readonly string[] PriceNames = { "UnitPrice", "Price" };
    private static readonly string[] CostNames = { "UnitCost", "Cost" };

    private readonly string? _defaultSource;
    private readonly Dictionary<string, (IReadOnlyDictionary<string, object?> First, string Where, List<SalesDocumentLine> Lines)> _documents = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _order = new();

    public SalesDocumentReader(string? defaultSource)
    {
        _defaultSource = CrmText.Clean(defaultSource);
    }

    public static IReadOnlyList<SalesDocument> Read(string path, string? defaultSource, CancellationToken cancellationToken = default)
    {
        var reader = new SalesDocumentReader(defaultSource);
        foreach (var (row, where) in ExportRows.Read(path, "Lines", cancellationToken))
        {
            reader.Add(row, where);
        }

        return reader.Documents();
    }

    public void Add(IReadOnlyDictionary<string, object?> row, string where)
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

        var source = RowValues.Text(byName, SourceNames) ?? _defaultSource ?? throw new CustomerInputException($"{where}: no Source; give -Source or a Source column.");
        var number = RowValues.Text(byName, NumberNames) ?? throw new CustomerInputException($"{where}: no DocumentNumber (or QuoteNumber, OrderNumber).");
        var key = source + "\u001F" + number;
        if (!_documents.TryGetValue(key, out var document))
        {
            document = (byName, where, new List<SalesDocumentLine>());
            _documents.Add(key, document);
            _order.Add(key);
        }

        if (byName.TryGetValue("Lines", out var lines) && lines is IEnumerable list and not string)
        {
            var index = 0;
            foreach (var line in list)
            {
                index++;
                if (line is IReadOnlyDictionary<string, object?> bag && LineOf(bag, $"{where}, line {index}") is { } read)
                {
                    document.Lines.Add(read);
                }
            }
        }
        else if (LineOf(byName, where) is { } line)
        {
            document.Lines.Add(line);
        }
    }

    public IReadOnlyList<SalesDocument> Documents() => _order.Select(key =>
    {
        var (first, where, lines) = _documents[key];
        var source = RowValues.Text(first, SourceNames) ?? _defaultSource!;
        var type = RowValues.Text(first, TypeNames) is { } text
            ? text.Replace(" ", string.Empty).Equals("SalesOrder", StringComparison.OrdinalIgnoreCase) || text.Equals("Order", StringComparison.OrdinalIgnoreCase)
                ? SalesDocumentType.SalesOrder
                : text.Equals("Quote", StringComparison.OrdinalIgnoreCase) ? SalesDocumentType.Quote
                : throw new CustomerInputException($"{where}: DocumentType '{text}' is neither Quote nor SalesOrder.")
            : SalesDocumentType.Quote;
        var opportunityId = RowValues.Long(first, OpportunityIdNames, where);
        return new SalesDocument(
            source,
            RowValues.Text(first, NumberNames)!,
            RowValues.Text(first, CustomerNames) ?? throw new CustomerInputException($"{where}: no CustomerId (or AccountId, AccountNumber)."),
            lines,
            type,
            RowValues.Text(first, RepNames),
            RowValues.Text(first, TermsNames),
            RowValues.Text(first, ShippingNames),
            RowValues.Text(first, OpportunityNames),
            opportunityId,
            RowValues.Date(first, DateNames, where),
            RowValues.Date(first, ExpirationNames, where));
    }).ToList();

    private static SalesDocumentLine? LineOf(IReadOnlyDictionary<string, object?> row, string where)
    {
        var sku = RowValues.Text(row, SkuNames);
        if (sku is null)
        {
            return null;
        }

        var type = RowValues.Text(row, LineTypeNames) is { } text
            ? Enum.TryParse<SalesLineType>(text, ignoreCase: true, out var parsed) ? parsed : throw new CustomerInputException($"{where}: LineType '{text}' is not Product, Service or Labor.")
            : SalesLineType.Product;
        var quantity = RowValues.Decimal(row, QuantityNames, where) ?? throw new CustomerInputException($"{where}: line {sku} has no Quantity.");
        return new SalesDocumentLine(sku, quantity, RowValues.Decimal(row, PriceNames, where), RowValues.Decimal(row, CostNames, where), type, RowValues.Text(row, DescriptionNames));
    }
}
