using System.Globalization;
using Autotask.Billing.Buffering;
using Autotask.Billing.Reconciliation;
using static Autotask.Billing.Tests.Reconciliation.CompareTenant;

namespace Autotask.Billing.Tests.Reconciliation;

/// <summary>
/// Compare-AtContract holds its lines in a <see cref="TransactionBuffer"/>, and the seats it summarises name their
/// lines by position (issue 15): every property of every difference, provenance and subscription ids included, must be
/// what a compare of the same lines as objects gives.
/// </summary>
public sealed class BufferedLinesCompareTests : IDisposable
{
    private readonly CompareTenant _tenant = new();

    public void Dispose() => _tenant.Dispose();

    [Fact]
    public async Task Buffered_lines_give_the_same_differences_as_the_lines_themselves()
    {
        var basic = _tenant.AddService("CFQ7TTC0LH18", "Microsoft 365 Business Basic", 7.20m, 6.00m);
        var backup = _tenant.AddService("BACKUP", "Backup", 30.00m, 18.00m);
        var contoso = _tenant.AddCustomer("Contoso Dental");
        var fabrikam = _tenant.AddCustomer("Fabrikam Logistics");
        _tenant.AddUnits(contoso, basic, 10);
        _tenant.AddUnits(contoso, backup, 3);
        _tenant.AddUnits(fabrikam, basic, 4);

        // Several subscriptions per SKU (one spelt in two cases), a long group, a one-time charge and an unmapped customer.
        var lines = new List<Transaction>
        {
            contoso.Seat("CFQ7TTC0LH18", 5, 7.20m, 6.00m, subscription: "sub-A", line: 2),
            contoso.Seat("CFQ7TTC0LH18", 7, 7.20m, 6.00m, subscription: "SUB-b", line: 3),
            contoso.Seat("CFQ7TTC0LH18", 7, 7.20m, 6.00m, subscription: "sub-B", line: 4),
            contoso.OneTime("SETUP", 1, 50m, 40m, "INV-1-3"),
            VendorLines.Seat(Pax8, "unmapped-customer", "Northwind", "CFQ7TTC0LH18", 2, line: 40),
        };
        for (var i = 0; i < 40; i++)
        {
            lines.Add(fabrikam.Seat("CFQ7TTC0LH18", 1, 7.20m, 6.00m, subscription: "f-" + i.ToString(CultureInfo.InvariantCulture), line: 100 + i));
        }

        var buffer = new TransactionBuffer();
        lines.ForEach(buffer.Add);

        var plain = await _tenant.CompareAsync(lines);
        var buffered = await _tenant.CompareAsync(buffer);

        Assert.Equal(Describe(plain.Differences), Describe(buffered.Differences));
        var contosoSeats = Assert.Single(buffered.Differences, d => d.CustomerId == contoso.CustomerId && d.Kind == DifferenceKind.QuantityChange);
        Assert.Equal(12m, contosoSeats.VendorQuantity); // sub-A 5 + sub-b 7 (its two spellings are one subscription)
        Assert.Contains("sub-A", contosoSeats.SubscriptionIds, StringComparison.Ordinal);
        Assert.Contains(lines[0].TransactionId, contosoSeats.TransactionIds, StringComparison.Ordinal);
        var fabrikamSeats = Assert.Single(buffered.Differences, d => d.CustomerId == fabrikam.CustomerId && d.Kind == DifferenceKind.QuantityChange);
        Assert.Contains("f-39", fabrikamSeats.SubscriptionIds, StringComparison.Ordinal);
    }

    private static List<string> Describe(IEnumerable<ContractDifference> differences) =>
        differences
            .Select(d => string.Join("|", typeof(ContractDifference).GetProperties().Select(p => $"{p.Name}={Convert.ToString(p.GetValue(d), CultureInfo.InvariantCulture)}")))
            .ToList();
}
