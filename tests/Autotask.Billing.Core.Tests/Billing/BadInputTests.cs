namespace Autotask.Billing.Tests.Billing;

public sealed class BadInputTests
{
    private const string Header = "TransactionId,CustomerId,Sku,ChargeType,Quantity,UnitPrice,Currency,ServiceStart,ServiceEnd";

    [Fact]
    public void A_missing_required_column_stops_the_file_naming_it_and_the_columns_found()
    {
        using var files = new BillingTestFiles();
        var path = files.Write("missing.csv", "TransactionId,CustomerId,Sku,ChargeType,Qty-typo\r\nT1,C1,S1,Recurring,1\r\n");

        var reader = new BillingSourceReader(new BillingReadOptions { Format = BillingSourceFormat.Generic, Window = BillingWindow.Unbounded });
        var error = Assert.Throws<MissingBillingColumnsException>(() => reader.ReadFile(path, CancellationToken.None).ToList());

        Assert.Equal(path, error.File);
        Assert.Equal(new[] { "Quantity" }, error.MissingColumns);
        Assert.Contains("Qty-typo", error.ColumnsFound);
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void A_partner_center_file_without_subscription_ids_stops_with_the_missing_column()
    {
        using var files = new BillingTestFiles();
        var header = PartnerCenterCsv.Header.Where(h => h != "SubscriptionId").ToArray();
        var path = files.Write("recon.csv", new PartnerCenterCsv(header).Row().ToString());

        var reader = new BillingSourceReader(new BillingReadOptions { Format = BillingSourceFormat.PartnerCenter });
        var error = Assert.Throws<MissingBillingColumnsException>(() => reader.ReadFile(path, CancellationToken.None).ToList());

        Assert.Equal(new[] { "SubscriptionId" }, error.MissingColumns);
    }

    [Theory]
    [InlineData("T1,C1,S1,Recurring,abc,1,USD,2024-05-01,2024-05-31", BillingProblemReason.InvalidNumber, "Quantity", "abc")]
    [InlineData("T1,C1,S1,Recurring,1,1.2.3,USD,2024-05-01,2024-05-31", BillingProblemReason.InvalidNumber, "UnitPrice", "1.2.3")]
    [InlineData("T1,C1,S1,Recurring,1,1,USD,2024-13-45,2024-05-31", BillingProblemReason.InvalidDate, "ServiceStart", "2024-13-45")]
    [InlineData("T1,C1,S1,Recurring,1,1,USD,2024-05-01,31/31/2024", BillingProblemReason.InvalidDate, "ServiceEnd", "31/31/2024")]
    [InlineData("T1,C1,S1,Recurring,-3,1,USD,2024-05-01,2024-05-31", BillingProblemReason.NegativeQuantity, "Quantity", "-3")]
    [InlineData("T1,C1,S1,Monthly,1,1,USD,2024-05-01,2024-05-31", BillingProblemReason.UnknownChargeType, "ChargeType", "Monthly")]
    [InlineData("T1,,S1,Recurring,1,1,USD,2024-05-01,2024-05-31", BillingProblemReason.MissingValue, "CustomerId", null)]
    public void A_bad_row_is_a_problem_naming_file_line_column_and_value_and_the_rest_still_reads(
        string badRow, string reason, string column, string? value)
    {
        using var files = new BillingTestFiles();
        var path = files.Write("bad.csv", Header + "\r\nT0,C1,S1,OneTime,1,1,USD,2024-05-01,2024-05-31\r\n" + badRow + "\r\nT2,C1,S1,OneTime,1,1,USD,2024-05-01,2024-05-31\r\n");

        var (transactions, problems, reader) = BillingTestFiles.ReadAll(null, path);

        var problem = Assert.Single(problems);
        Assert.Equal((path, 3, column, value, reason), (problem.File, problem.LineNumber, problem.Column, problem.Value, problem.Reason));
        Assert.Equal(new[] { "T0", "T2" }, transactions.Select(t => t.TransactionId));
        var summary = reader.Summaries[0];
        Assert.Equal((3, 2, 1), (summary.Read, summary.Emitted, summary.Rejected));
    }

    [Fact]
    public void A_duplicate_transaction_id_within_a_source_is_rejected_at_its_second_line()
    {
        using var files = new BillingTestFiles();
        var path = files.Write("dup.csv", Header + ",Source\r\n" +
            "T1,C1,S1,OneTime,1,1,USD,2024-05-01,2024-05-31,Pax8\r\n" +
            "T1,C1,S1,OneTime,1,1,USD,2024-05-01,2024-05-31,Sherweb\r\n" +
            "T1,C2,S2,OneTime,2,1,USD,2024-05-01,2024-05-31,Pax8\r\n");

        var (transactions, problems, _) = BillingTestFiles.ReadAll(null, path);

        Assert.Equal(2, transactions.Count);
        var problem = Assert.Single(problems);
        Assert.Equal((BillingProblemReason.DuplicateTransactionId, 4, "T1"), (problem.Reason, problem.LineNumber, problem.Value));
    }

    [Fact]
    public void A_file_of_unknown_shape_names_its_columns()
    {
        using var files = new BillingTestFiles();
        var path = files.Write("what.csv", "Foo,Bar\r\n1,2\r\n");

        var error = Assert.Throws<BillingFormatException>(() => BillingTestFiles.ReadAll(null, path));

        Assert.Contains("Foo, Bar", error.Message);
    }

    [Fact]
    public void Legacy_license_based_line_items_are_refused_with_a_clear_message()
    {
        var error = Assert.Throws<BillingFormatException>(() => BillingTestFiles.ReadAll(
            null, BillingTestFiles.Sample("microsoft-pc-api-legacy-license-lineitems.example.json")));

        Assert.Contains("legacy", error.Message);
    }
}
