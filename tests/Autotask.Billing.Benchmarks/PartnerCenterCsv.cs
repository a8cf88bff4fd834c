using System.Globalization;
using System.Text;

namespace Autotask.Billing.Benchmarks;

/// <summary>
/// Writes a Partner Center NCE invoice reconciliation CSV (FORMATS.md §1.1: the 47 columns in Microsoft's order,
/// UTF-8 with BOM, CRLF, quoted JSON-in-cell values) one row at a time, so a benchmark file of any size never sits
/// in memory. The one writer of that shape for every benchmark.
/// </summary>
public sealed class PartnerCenterCsv : IDisposable
{
    public const string PartnerId = "934f3416-bc2f-47f3-b492-77e517d4e572";

    private static readonly string[] Header =
    {
        "PartnerId", "CustomerId", "CustomerName", "CustomerDomainName", "CustomerCountry", "InvoiceNumber", "MpnId",
        "Tier2MpnId", "OrderId", "OrderDate", "ProductId", "SkuId", "AvailabilityId", "SkuName", "ProductName",
        "ChargeType", "UnitPrice", "Quantity", "Subtotal", "TaxTotal", "Total", "Currency", "PriceAdjustmentDescription",
        "PublisherName", "PublisherId", "SubscriptionDescription", "SubscriptionId", "ChargeStartDate", "ChargeEndDate",
        "TermAndBillingCycle", "EffectiveUnitPrice", "UnitType", "AlternateId", "BillableQuantity", "BillingFrequency",
        "PricingCurrency", "PCToBCExchangeRate", "PCToBCExchangeRateDate", "MeterDescription", "ReservationOrderId",
        "CreditReasonCode", "SubscriptionStartDate", "SubscriptionEndDate", "ReferenceId", "ProductQualifiers",
        "PromotionId", "ProductCategory",
    };

    private readonly StreamWriter _writer;
    private readonly string[] _row = new string[Header.Length];

    public PartnerCenterCsv(string path)
    {
        _writer = new StreamWriter(path, false, new UTF8Encoding(true), 1 << 16);
        _writer.Write(string.Join(",", Header));
        _writer.Write("\r\n");
    }

    public int Lines { get; private set; }

    /// <summary>One subscription event row; a negative subtotal marks the refund leg of a two-leg change.</summary>
    public void Write(PartnerCenterRow line)
    {
        var row = _row;
        var price = line.UnitPrice.ToString(CultureInfo.InvariantCulture);
        var quantity = line.Quantity.ToString(CultureInfo.InvariantCulture);
        var subtotal = (line.IsRefund ? -line.UnitPrice * line.Quantity : line.UnitPrice * line.Quantity).ToString(CultureInfo.InvariantCulture);
        row[0] = PartnerId;
        row[1] = line.CustomerId;
        row[2] = Quote(line.CustomerName);
        row[3] = line.CustomerDomain;
        row[4] = "US";
        row[5] = "G000773581";
        row[6] = "5357564";
        row[7] = "0";
        row[8] = line.OrderId;
        row[9] = line.OrderDate.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
        row[10] = line.ProductId;
        row[11] = line.SkuId;
        row[12] = "CFQ7TTC0K5RQ";
        row[13] = Quote(line.SkuName);
        row[14] = Quote(line.SkuName);
        row[15] = line.ChargeType;
        row[16] = price;
        row[17] = quantity;
        row[18] = subtotal;
        row[19] = "0";
        row[20] = subtotal;
        row[21] = "USD";
        row[22] = "\"[\"\"Price for given billing period\"\",\"\"You are getting a discount for being a partner.\"\"]\"";
        row[23] = "Microsoft Corporation";
        row[24] = string.Empty;
        row[25] = string.Empty;
        row[26] = line.SubscriptionId;
        row[27] = UsDate(line.ChargeStart);
        row[28] = UsDate(line.ChargeEnd);
        row[29] = "One-Year commitment for monthly/yearly billing";
        row[30] = price;
        row[31] = string.Empty;
        row[32] = line.OrderId;
        row[33] = quantity;
        row[34] = "Monthly";
        row[35] = "USD";
        row[36] = "1";
        row[37] = UsDate(line.ChargeStart);
        row[38] = string.Empty;
        row[39] = "99f246cf-ed96-41b4-b0cd-0aa43eb1fe91";
        row[40] = string.Empty;
        row[41] = UsDate(line.SubscriptionStart);
        row[42] = UsDate(line.SubscriptionStart.AddYears(1).AddDays(-1));
        row[43] = line.ReferenceId;
        row[44] = "\"[\"\"AddOn\"\"]\"";
        row[45] = string.Empty;
        row[46] = "Online Services";
        _writer.Write(string.Join(",", row));
        _writer.Write("\r\n");
        Lines++;
    }

    public void Dispose() => _writer.Dispose();

    // Partner Center writes dates as M/d/yyyy in the reconciliation file.
    private static string UsDate(DateTime date) => date.ToString("M/d/yyyy", CultureInfo.InvariantCulture);

    private static string Quote(string text) =>
        text.IndexOfAny(new[] { ',', '"', '\r', '\n' }) < 0 ? text : "\"" + text.Replace("\"", "\"\"") + "\"";
}
