using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Autotask.Billing.Readers;

namespace Autotask.Billing.Tests.Billing;

/// <summary>
/// Partner Center line ids are persisted (journals, duplicate detection): building them part by part into one buffer
/// (issue 15) must give, for every line, the id the first implementation gave — kept here as the reference.
/// </summary>
public sealed class StableIdEquivalenceTests
{
    [Fact]
    public void Every_partner_center_line_keeps_the_id_the_string_join_implementation_gave()
    {
        var random = new Random(15);
        var chargeTypes = new[] { "new", "Renew", "cycleCharge", "addQuantity", "REMOVEQUANTITY", "cancelImmediate", "customerCredit", "convert", "somethingNew" };
        var quantities = new[] { "1", "2.50", "-3", "0", "10.000", "0.5", "1234567.891" };
        var subtotals = new[] { "4", "-4", "0", string.Empty, "12.34", "-0.01" };
        var meters = new[] { string.Empty, string.Empty, string.Empty, "Compute Hours", "Stockage é€ 😀" };
        var csv = new PartnerCenterCsv();
        var rows = new List<Dictionary<string, string>>();
        for (var i = 0; i < 3_000; i++)
        {
            var start = new DateTime(2020, 1, 1).AddDays(random.Next(0, 2_000));
            var meter = meters[random.Next(meters.Length)];
            var tenant = Guid.NewGuid().ToString();
            var row = new Dictionary<string, string>
            {
                ["CustomerId"] = random.Next(4) == 0 ? "org:" + tenant.ToUpperInvariant() : tenant,
                ["SubscriptionId"] = random.Next(3) == 0 ? Guid.NewGuid().ToString().ToUpperInvariant() : Guid.NewGuid().ToString(),
                ["ProductId"] = "CFQ7TTC0" + random.Next(1_000, 9_999).ToString(CultureInfo.InvariantCulture),
                ["SkuId"] = random.Next(5) == 0 ? string.Empty : random.Next(1, 20).ToString("0000", CultureInfo.InvariantCulture),
                ["AvailabilityId"] = random.Next(5) == 0 ? string.Empty : "CFQ7TTC0K" + random.Next(100, 999).ToString(CultureInfo.InvariantCulture),
                ["ChargeType"] = chargeTypes[random.Next(chargeTypes.Length)],
                ["OrderId"] = random.Next(6) == 0 ? string.Empty : " " + random.Next().ToString("x12", CultureInfo.InvariantCulture) + " ",
                ["OrderDate"] = random.Next(6) == 0 ? string.Empty : start.AddHours(random.Next(0, 24)).ToString("M/d/yyyy H:mm", CultureInfo.InvariantCulture),
                ["ReferenceId"] = random.Next(2) == 0 ? string.Empty : Guid.NewGuid().ToString(),
                ["ChargeStartDate"] = random.Next(8) == 0 ? string.Empty : start.ToString("M/d/yyyy", CultureInfo.InvariantCulture),
                ["ChargeEndDate"] = random.Next(8) == 0 ? string.Empty : start.AddDays(random.Next(0, 400)).ToString("M/d/yyyy", CultureInfo.InvariantCulture),
                ["Quantity"] = quantities[random.Next(quantities.Length)],
                ["BillableQuantity"] = quantities[random.Next(quantities.Length)],
                ["Subtotal"] = subtotals[random.Next(subtotals.Length)],
                ["MeterDescription"] = meter,
                ["UnitType"] = meter.Length == 0 ? string.Empty : "1 Hour",
            };
            rows.Add(row);
            csv.Row(row.Select(p => p.Key + "=" + p.Value).ToArray());
        }

        using var files = new BillingTestFiles();
        var (transactions, problems, _) = BillingTestFiles.ReadAll(null, files.Write("recon.csv", csv.ToString()));

        Assert.DoesNotContain(problems, p => p.Reason != BillingProblemReason.DuplicateTransactionId);
        Assert.True(transactions.Count > 2_900, $"{transactions.Count} lines read");
        foreach (var t in transactions)
        {
            var row = rows[t.SourceLine - 2];
            Assert.Equal(row["ReferenceId"].Length == 0 ? null : row["ReferenceId"], t.ReferenceId);
            var expected = ReferenceFrom(
                "pc", t.CustomerId, row["SubscriptionId"], row["ProductId"], Cell(row["SkuId"]), Cell(row["AvailabilityId"]),
                row["ChargeType"].ToLowerInvariant(), Cell(row["OrderId"]), t.ReferenceId, Cell(row["OrderDate"]),
                t.ServiceStart?.ToString("yyyy-MM-dd"), t.ServiceEnd?.ToString("yyyy-MM-dd"),
                Math.Abs(t.Quantity).ToString(CultureInfo.InvariantCulture), t.IsReversal || t.Amount < 0 ? "-" : "+",
                Cell(row["MeterDescription"]));
            Assert.Equal(expected, t.TransactionId);
        }
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("de-DE")]
    [InlineData("th-TH")]
    [InlineData("ar-SA")]
    [InlineData("fa-IR")]
    public void Dates_and_numbers_are_written_as_their_ToString_wrote_them_in_any_culture(string culture)
    {
        var saved = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            var random = new Random(culture.GetHashCode() & 0xFFFF);
            for (var i = 0; i < 2_000; i++)
            {
                // Within every calendar's range (Um Al Qura: 1900-2077); outside it both ways throw the same exception.
                DateTime? date = random.Next(10) == 0 ? null : new DateTime(1901, 1, 1).AddDays(random.Next(0, 64_000));
                var number = new decimal(random.Next(), random.Next(), random.Next(), random.Next(2) == 0, (byte)random.Next(0, 29));
                var text = random.Next(4) == 0 ? null : "é\u001F" + i.ToString(CultureInfo.InvariantCulture);
                var id = StableId.Builder().Add(text).Add(date, "yyyy-MM-dd").Add(Math.Abs(number)).Add(date, "yyyy-MM").ToId("pc");
                var expected = ReferenceFrom(
                    "pc", text, date?.ToString("yyyy-MM-dd"), Math.Abs(number).ToString(CultureInfo.InvariantCulture), date?.ToString("yyyy-MM"));
                Assert.Equal(expected, id);
                Assert.Equal(expected, StableId.From("pc", text, date?.ToString("yyyy-MM-dd"), Math.Abs(number).ToString(CultureInfo.InvariantCulture), date?.ToString("yyyy-MM")));
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    private static string? Cell(string text) => text.Trim().Length == 0 ? null : text.Trim();

    /// <summary>The first implementation: the parts joined by U+001F, UTF-8, SHA-256, prefix + 24 hex digits.</summary>
    private static string ReferenceFrom(string prefix, params string?[] parts)
    {
        using var sha = SHA256.Create();
        var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(string.Join("\u001F", parts)));
        return prefix + "-" + string.Concat(hash.Take(12).Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
    }
}
