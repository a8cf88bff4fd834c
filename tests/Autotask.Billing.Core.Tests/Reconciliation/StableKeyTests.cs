using Autotask.Billing.Reconciliation;
using static Autotask.Billing.Tests.Reconciliation.CompareTenant;

namespace Autotask.Billing.Tests.Reconciliation;

/// <summary>
/// Difference ids key the sync journal and charge keys sit in Autotask's charges: both must stay what earlier runs wrote.
/// The literals were computed with the code as it was before its hashing changed; a change to any of them breaks the
/// recognition of journals and charges already written.
/// </summary>
public sealed class StableKeyTests
{
    [Theory]
    [InlineData(DifferenceKind.QuantityChange, "Pax8", "cust-0001", "CFQ7TTC0LH18", null, "D-31710aab827d7a58637d")]
    [InlineData(DifferenceKind.OneTimeCharge, " PartnerCenter ", "Müller GmbH; -East", "CFQ7TTC0LFK0:0001", "tx-Ω-42", "D-0598af5a814dd460f302")]
    [InlineData(DifferenceKind.Removed, "Pax8", "cust-0001", "", "", "D-c84406b396a53c615882")]
    public void Difference_ids_are_those_earlier_runs_wrote(DifferenceKind kind, string source, string customerId, string sku, string? transactionId, string id)
    {
        Assert.Equal(id, DifferenceIds.For(kind, source, customerId, sku, transactionId));

        // Case and surrounding space are ignored.
        Assert.Equal(id, DifferenceIds.For(kind, source.ToLowerInvariant() + " ", " " + customerId.ToUpperInvariant(), sku.ToLowerInvariant(), transactionId?.ToUpperInvariant()));
    }

    [Fact]
    public void Charge_keys_are_those_earlier_runs_wrote()
    {
        var longId = "pc-" + string.Concat(Enumerable.Repeat("0123456789", 6));

        Assert.Equal("tx-1001", ChargeKey.ForTransaction("tx-1001"));
        Assert.Equal("#329999c1ceb3cd1b6e9807639feaf61e49219c280d120ebc7", ChargeKey.ForTransaction(longId));
        Assert.Equal("#00e16e1d31c0ba2b3b3d17583bb2ac3b898666620ddf540aa", ChargeKey.ForTransaction("#abc"));
        Assert.Equal(ChargeKey.MaxLength, ChargeKey.ForTransaction(longId).Length);
        Assert.Equal("#gap-b1afe2bbfcac6bf629734c30a6188d283beefe23", ChargeKey.ForProratedGap("Pax8", "cust-0001", "CFQ7TTC0LH18", Day(2026, 10, 5), Day(2026, 11, 1)));
        Assert.Equal("u-0fc6b1425881dd5eed1e74964ac35c39", UsageMonth.KeyOf("PartnerCenter", "cust-0001", "AZURE-PLAN", Day(2026, 10, 14), "usd"));
    }

    [Fact]
    public void Keys_made_on_many_threads_at_once_are_the_same_as_on_one()
    {
        var texts = Enumerable.Range(0, 2000).Select(i => "tx-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + new string('x', 60)).ToList();
        var once = texts.Select(ChargeKey.ForTransaction).ToList();

        var parallel = texts.AsParallel().AsOrdered().WithDegreeOfParallelism(4).Select(ChargeKey.ForTransaction).ToList();

        Assert.Equal(once, parallel);
        Assert.Equal(texts.Count, once.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task A_compared_difference_carries_the_id_earlier_runs_wrote()
    {
        using var tenant = new CompareTenant();
        var basic = tenant.AddService("CFQ7TTC0LH18", "Microsoft 365 Business Basic", 7.20m, 6.00m);
        var contoso = tenant.AddCustomer("Contoso Dental");
        tenant.AddUnits(contoso, basic, 10);

        var result = await tenant.CompareAsync(new[] { contoso.Seat("CFQ7TTC0LH18", 12, 7.20m, 6.00m) });

        var change = Assert.Single(result.Differences);
        Assert.Equal((DifferenceKind.QuantityChange, "cust-0001"), (change.Kind, change.CustomerId));
        Assert.Equal("D-31710aab827d7a58637d", change.DifferenceId);
    }
}
