using System.Text;

namespace Autotask.Billing.Tests.Billing;

public sealed class GenericCsvTests
{
    private const string Header =
        "TransactionId,CustomerId,CustomerName,Sku,ProductName,Description,ChargeType,Category,Quantity,UnitPrice,UnitCost,Currency,ServiceStart,ServiceEnd,SubscriptionId,BillingCycle";

    [Fact]
    public void An_export_csv_file_from_windows_powershell_reads_with_its_type_line_and_quotes()
    {
        using var files = new BillingTestFiles();
        var path = files.Write("export.csv",
            "#TYPE System.Management.Automation.PSCustomObject\r\n" +
            "\"TransactionId\",\"CustomerId\",\"CustomerName\",\"Sku\",\"ProductName\",\"Description\",\"ChargeType\",\"Category\",\"Quantity\",\"UnitPrice\",\"UnitCost\",\"Currency\",\"ServiceStart\",\"ServiceEnd\",\"SubscriptionId\",\"BillingCycle\",\"Source\",\"CustomerDomain\"\r\n" +
            "\"000123\",\"C-001\",\"Fabrikam, Inc.\",\"EXO-P1\",\"Exchange Online (Plan 1)\",\"Mailboxes\",\"Recurring\",\"MR\",\"12\",\"4.50\",\"4.00\",\"usd\",\"2024-05-01\",\"5/31/2024\",\"S-1\",\"Monthly\",\"Sherweb\",\"fabrikam.com\"\r\n",
            new UTF8Encoding(true));

        var (transactions, problems, reader) = BillingTestFiles.ReadAll(null, path);

        Assert.Empty(problems);
        var line = Assert.Single(transactions);
        Assert.Equal("Sherweb", line.Source);
        Assert.Equal("000123", line.TransactionId);
        Assert.Equal("Fabrikam, Inc.", line.CustomerName);
        Assert.Equal("fabrikam.com", line.CustomerDomain);
        Assert.Equal(ChargeType.Recurring, line.ChargeType);
        Assert.Equal(12m, line.Quantity);
        Assert.Equal(4.50m, line.UnitPrice);
        Assert.Equal("USD", line.Currency);
        Assert.Equal(new DateTime(2024, 5, 31, 0, 0, 0, DateTimeKind.Utc), line.ServiceEnd);
        Assert.Equal(3, line.SourceLine);
        Assert.Equal("Generic", reader.Summaries[0].Format);
        Assert.Empty(reader.Summaries[0].UnknownColumns);
    }

    [Fact]
    public void Headers_match_without_case_and_through_documented_aliases()
    {
        using var files = new BillingTestFiles();
        var path = files.Write("aliases.csv", "id,ACCOUNTID,partnumber,type,qty,price,cost,currencycode\r\nT1,C1,SKU1,one-time,2,10,8,EUR\r\n");

        var (transactions, problems, _) = BillingTestFiles.ReadAll(null, path);

        Assert.Empty(problems);
        var line = Assert.Single(transactions);
        Assert.Equal(("T1", "C1", "SKU1", ChargeType.OneTime, 2m, 10m, 8m), (line.TransactionId, line.CustomerId, line.Sku, line.ChargeType, line.Quantity, line.UnitPrice!.Value, line.UnitCost!.Value));
        Assert.Equal("Generic", line.Source);
    }

    [Fact]
    public void Customer_contact_columns_are_read_and_carried_into_the_summary_from_the_latest_line_that_has_them()
    {
        using var files = new BillingTestFiles();
        var path = files.Write("contacts.csv",
            Header + ",CustomerPhone,Address,City,Province,Zip\r\n" +
            "T1,C1,Litware,SKU1,P,D,Recurring,MR,5,1,1,USD,2024-05-01,2024-05-31,S1,Monthly,+1 425 555 0187,1 Main St,Seattle,WA,98101\r\n" +
            "T2,C1,Litware,SKU1,P,D,Recurring,MR,6,1,1,USD,2024-06-01,2024-06-30,S1,Monthly,,,,,\r\n");

        var (transactions, problems, reader) = BillingTestFiles.ReadAll(null, path);
        var summary = Assert.Single(TransactionSummarizer.Summarize(transactions, new DateTime(2024, 6, 30, 0, 0, 0, DateTimeKind.Utc)));

        Assert.Empty(problems);
        Assert.Empty(reader.Summaries[0].UnknownColumns);
        var first = transactions[0];
        Assert.Equal(("+1 425 555 0187", "1 Main St", "Seattle", "WA", "98101"), (first.CustomerPhone, first.CustomerAddress, first.CustomerCity, first.CustomerState, first.CustomerPostalCode));
        Assert.Null(transactions[1].CustomerPhone);
        Assert.Equal(6m, summary.Quantity);
        Assert.Equal(("+1 425 555 0187", "1 Main St", "Seattle", "WA", "98101"), (summary.CustomerPhone, summary.CustomerAddress, summary.CustomerCity, summary.CustomerState, summary.CustomerPostalCode));
    }

    [Fact]
    public void Formula_looking_cells_stay_text_and_a_minus_five_is_a_number()
    {
        using var files = new BillingTestFiles();
        var path = files.Write("formula.csv",
            Header + "\r\n" +
            "T1,C1,\"=HYPERLINK(\"\"http://x\"\")\",SKU1,@SUM(A1),+cmd|' /C calc'!A0,Credit,MR,-5,-2.5,,USD,2024-05-01,2024-05-31,S1,Monthly\r\n");

        var (transactions, problems, _) = BillingTestFiles.ReadAll(null, path);

        Assert.Empty(problems);
        var line = Assert.Single(transactions);
        Assert.Equal("=HYPERLINK(\"http://x\")", line.CustomerName);
        Assert.Equal("@SUM(A1)", line.ProductName);
        Assert.Equal("+cmd|' /C calc'!A0", line.Description);
        Assert.Equal(-5m, line.Quantity);
        Assert.Equal(-2.5m, line.UnitPrice);
    }

    [Fact]
    public void A_formula_in_a_number_column_is_a_bad_number_not_a_calculation()
    {
        using var files = new BillingTestFiles();
        var path = files.Write("formula.csv", Header + "\r\nT1,C1,N,SKU1,P,D,OneTime,MR,=1+2,1,1,USD,2024-05-01,2024-05-31,S1,Monthly\r\n");

        var (_, problems, _) = BillingTestFiles.ReadAll(null, path);

        var problem = Assert.Single(problems);
        Assert.Equal((BillingProblemReason.InvalidNumber, "Quantity", "=1+2", 2), (problem.Reason, problem.Column, problem.Value, problem.LineNumber));
    }

    [Fact]
    public void Quoted_fields_with_commas_and_line_breaks_keep_the_following_line_numbers_right()
    {
        using var files = new BillingTestFiles();
        var path = files.Write("multiline.csv",
            Header + "\r\n" +
            "T1,C1,N,SKU1,P,\"first line\r\nsecond, with comma\r\nthird\",OneTime,MR,1,1,1,USD,2024-05-01,2024-05-31,S1,Monthly\r\n" +
            "T2,C1,N,SKU1,P,D,OneTime,MR,x,1,1,USD,2024-05-01,2024-05-31,S1,Monthly\r\n" +
            "T3,C1,N,SKU1,P,D,OneTime,MR,1,1,1,USD,2024-05-01,2024-05-31,S1,Monthly\r\n");

        var (transactions, problems, _) = BillingTestFiles.ReadAll(null, path);

        Assert.Equal("first line\r\nsecond, with comma\r\nthird", transactions[0].Description);
        Assert.Equal(2, transactions[0].SourceLine);
        Assert.Equal(5, Assert.Single(problems).LineNumber);
        Assert.Equal(6, transactions[1].SourceLine);
    }

    [Fact]
    public void A_csv_of_transactions_exported_again_reads_back_to_the_same_values()
    {
        using var files = new BillingTestFiles();
        var path = files.Write("roundtrip.csv",
            "\"Source\",\"TransactionId\",\"CustomerId\",\"CustomerName\",\"CustomerDomain\",\"Sku\",\"ProductName\",\"Description\",\"ChargeType\",\"Category\",\"Quantity\",\"UnitPrice\",\"UnitCost\",\"Amount\",\"Currency\",\"ServiceStart\",\"ServiceEnd\",\"OrderDate\",\"SubscriptionId\",\"BillingCycle\",\"Term\",\"IsProrated\",\"IsReversal\",\"IsTrial\",\"ReferenceId\",\"SourceFile\",\"SourceLine\"\r\n" +
            "\"PartnerCenter\",\"pc-1\",\"t1\",\"Contoso\",\"\",\"CFQ:0001\",\"M365\",\"\",\"Recurring\",\"addQuantity\",\"2\",\"3.87\",\"3.87\",\"-7.74\",\"USD\",\"6/12/2024 00:00:00\",\"7/10/2024 00:00:00\",\"6/12/2024 09:00:00\",\"s1\",\"Monthly\",\"1 Month\",\"True\",\"True\",\"False\",\"r2\",\"C:\\in\\recon.csv\",\"17\"\r\n");

        var (transactions, problems, reader) = BillingTestFiles.ReadAll(null, path);

        Assert.Empty(problems);
        Assert.Empty(reader.Summaries[0].UnknownColumns);
        var line = Assert.Single(transactions);
        Assert.True(line.IsProrated);
        Assert.True(line.IsReversal);
        Assert.Equal("r2", line.ReferenceId);
        Assert.Equal(new DateTime(2024, 6, 12, 9, 0, 0, DateTimeKind.Utc), line.OrderDate);
        Assert.Equal(path, line.SourceFile);
    }
}
