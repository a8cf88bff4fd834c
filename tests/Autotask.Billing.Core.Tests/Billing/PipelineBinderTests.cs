namespace Autotask.Billing.Tests.Billing;

public sealed class PipelineBinderTests
{
    private static Dictionary<string, object?> Line(string id) => new()
    {
        ["TransactionId"] = id,
        ["customerid"] = "C1",
        ["Sku"] = "SKU1",
        ["ChargeType"] = ChargeType.Recurring,
        ["Quantity"] = 4,
        ["UnitPrice"] = 9.5d,
        ["UnitCost"] = 7.25m,
        ["ServiceStart"] = new DateTime(2024, 5, 1, 0, 0, 0, DateTimeKind.Local),
        ["ServiceEnd"] = new DateTimeOffset(2024, 5, 31, 23, 0, 0, TimeSpan.FromHours(-8)),
        ["Currency"] = "eur",
    };

    [Fact]
    public void Pipeline_objects_bind_by_property_name_with_typed_values()
    {
        var reader = new BillingSourceReader(new BillingReadOptions { Window = BillingWindow.Unbounded });

        var item = reader.ReadObject(Line("T1"));

        var line = item!.Transaction!;
        Assert.Equal(("T1", "C1", "SKU1", ChargeType.Recurring, 4m, 9.5m, 7.25m, "EUR"), (line.TransactionId, line.CustomerId, line.Sku, line.ChargeType, line.Quantity, line.UnitPrice!.Value, line.UnitCost!.Value, line.Currency));
        Assert.Equal(new DateTime(2024, 5, 1, 0, 0, 0, DateTimeKind.Utc), line.ServiceStart);
        Assert.Equal(new DateTime(2024, 5, 31, 0, 0, 0, DateTimeKind.Utc), line.ServiceEnd);
        Assert.Equal(("<pipeline>", 1), (line.SourceFile, line.SourceLine));
    }

    [Fact]
    public void Bad_pipeline_objects_are_problems_at_their_input_index()
    {
        var reader = new BillingSourceReader(new BillingReadOptions { Window = BillingWindow.Unbounded });
        var bad = Line("T2");
        bad["Quantity"] = "lots";
        var incomplete = Line("T3");
        incomplete.Remove("Sku");

        var items = reader.ReadObjects(new IReadOnlyDictionary<string, object?>[] { Line("T1"), bad, incomplete, Line("T1") }, CancellationToken.None).ToList();

        Assert.NotNull(items[0].Transaction);
        Assert.Equal((BillingProblemReason.InvalidNumber, "<pipeline>", 2, "Quantity", "lots"), (items[1].Problem!.Reason, items[1].Problem!.File, items[1].Problem!.LineNumber, items[1].Problem!.Column, items[1].Problem!.Value));
        Assert.Equal((BillingProblemReason.MissingValue, 3, "Sku"), (items[2].Problem!.Reason, items[2].Problem!.LineNumber, items[2].Problem!.Column));
        Assert.Equal((BillingProblemReason.DuplicateTransactionId, 4), (items[3].Problem!.Reason, items[3].Problem!.LineNumber));
        var summary = Assert.Single(reader.Summaries);
        Assert.Equal((4, 1, 3), (summary.Read, summary.Emitted, summary.Rejected));
    }
}
