namespace Autotask.Billing.Tests.Billing;

public sealed class ProfileTests
{
    private const string IntermediaHeader =
        "Transaction ID,Date,Account ID,Company Name,User Name,Category,Charge Item ID,SKU,Item Description,Price Type,Service Start Date,Service End Date,Quantity,Unit Price,Unit Cost,Service Charges,Tax,Total,Payments,Balance,Comment";

    [Fact]
    public void The_shipped_profiles_load_by_name()
    {
        Assert.Contains("intermedia-balance", BillingProfile.EmbeddedNames);
        Assert.Contains("pax8-invoice-items", BillingProfile.EmbeddedNames);
        Assert.Equal("Intermedia", BillingProfile.Embedded("INTERMEDIA-balance").Source);
    }

    [Fact]
    public void An_intermedia_balance_export_reads_mr_and_al_charge_items_and_counts_the_rest()
    {
        using var files = new BillingTestFiles();
        var path = files.Write("balance.csv",
            IntermediaHeader + "\r\n" +
            "100234,6/4/2019,A-77,TestCompany,john,MR,1,PMX00010MX0R,POP/IMAP Mailboxes,Recurring,5/4/2019,6/3/2019,12,3.00,2.00,24.00,0,24.00,,,MR\r\n" +
            "100234,6/4/2019,A-77,TestCompany,john,MR,2,OWA002NO,Additional Storage Space for OWA-only,One-time,5/13/2019,5/13/2019,1,5.00,4.00,4.00,0,4.00,,,MR\r\n" +
            "100235,6/4/2019,A-77,TestCompany,,AL,1,LYN002NR,Skype for Business Enterprise Users,Recurring,6/4/2019,7/3/2019,3,6.00,5.00,15.00,0,15.00,,,AL\r\n" +
            "100236,6/5/2019,A-77,TestCompany,,PAY,,,,,,,,,,,,,-43.00,0,Payment\r\n" +
            "100237,6/5/2019,A-77,TestCompany,,MR,1,RM010C01MX0R,Resource Mailboxes,Refund,5/4/2019,6/3/2019,1,1.00,1.00,-1.00,0,-1.00,,,MR\r\n");

        var (transactions, problems, reader) = BillingTestFiles.ReadAll(null, path);

        Assert.Empty(problems);
        Assert.Equal(
            new[] { ("PMX00010MX0R", ChargeType.Recurring), ("OWA002NO", ChargeType.OneTime), ("LYN002NR", ChargeType.Recurring), ("RM010C01MX0R", ChargeType.Credit) },
            transactions.Select(t => (t.Sku, t.ChargeType)));
        var first = transactions[0];
        Assert.Equal(("Intermedia", "100234|1|PMX00010MX0R", "A-77", "TestCompany", "MR"), (first.Source, first.TransactionId, first.CustomerId, first.CustomerName, first.Category));
        Assert.Equal((12m, 3.00m, 2.00m, "USD"), (first.Quantity, first.UnitPrice!.Value, first.UnitCost!.Value, first.Currency));
        Assert.Equal(new DateTime(2019, 5, 4, 0, 0, 0, DateTimeKind.Utc), first.ServiceStart);
        var summary = reader.Summaries[0];
        Assert.Equal("profile:intermedia-balance", summary.Format);
        Assert.Equal(1, summary.SkippedByRule[BillingSkipRule.CategoryNotInProfile]);
        Assert.Equal(5, summary.Read);
    }

    [Fact]
    public void An_intermedia_line_with_an_unknown_price_type_is_a_problem()
    {
        using var files = new BillingTestFiles();
        var path = files.Write("balance.csv",
            IntermediaHeader + "\r\n100234,6/4/2019,A-77,TestCompany,john,MR,1,PMX00010MX0R,POP/IMAP Mailboxes,Sometimes,5/4/2019,6/3/2019,12,3.00,2.00,24.00,0,24.00,,,MR\r\n");

        var (_, problems, _) = BillingTestFiles.ReadAll(null, path);

        var problem = Assert.Single(problems);
        Assert.Equal((BillingProblemReason.UnknownChargeType, "Sometimes", 2), (problem.Reason, problem.Value, problem.LineNumber));
    }

    [Fact]
    public void Pax8_invoice_item_examples_read_through_the_pax8_profile()
    {
        var (transactions, problems, reader) = BillingTestFiles.ReadAll(
            null,
            BillingTestFiles.Sample("pax8-api-invoice-items.example.json"),
            BillingTestFiles.Sample("pax8-api-draft-invoice-items.example.json"));

        Assert.Empty(problems);
        Assert.Equal(3, transactions.Count);
        Assert.All(transactions, t => Assert.Equal("Pax8", t.Source));
        Assert.All(transactions, t => Assert.Equal(ChargeType.Recurring, t.ChargeType));
        var office = transactions[0];
        Assert.Equal(("cc0ac255-7c0b-4123-ac8d-a6c280b85eae", "Brick and Mortar Tech", "PAX-233-ukw0-9092"), (office.CustomerId, office.CustomerName, office.Sku));
        Assert.Equal((11m, 50000m, 2500m), (office.Quantity, office.UnitPrice!.Value, office.UnitCost!.Value));
        var excel = transactions[2];
        Assert.Equal(("09/19 Ben", "MS-OFF-EXC-PRO", 5m, 85m, 75m), (excel.CustomerName, excel.Sku, excel.Quantity, excel.UnitPrice!.Value, excel.UnitCost!.Value));
        Assert.Equal("c5e82a19-d738-48f9-a1b3-9c6f4e7d3210", excel.SubscriptionId);
        Assert.Equal("Monthly", excel.BillingCycle);
        Assert.All(reader.Summaries, s => Assert.Equal("profile:pax8-invoice-items", s.Format));
    }

    [Fact]
    public void A_pax8_csv_with_the_api_field_names_maps_prorates_and_credits()
    {
        using var files = new BillingTestFiles();
        var path = files.Write("pax8.csv",
            "id,type,companyId,companyName,startPeriod,endPeriod,quantity,term,sku,description,price,cost,costTotal,currencyCode,subscriptionId,productName\r\n" +
            "i1,subscription,co1,Acme,2024-05-01,2024-05-31,5,Monthly,MS-365-BP,Biz Prem,22,18,90,USD,sub1,M365 BP\r\n" +
            "i2,prorate,co1,Acme,2024-05-20,2024-05-31,2,Monthly,MS-365-BP,Biz Prem,22,18,14.5,USD,sub1,M365 BP\r\n" +
            "i3,service-credit,co1,Acme,2024-05-01,2024-05-31,1,Monthly,MS-365-BP,Credit,-5,-5,-5,USD,sub1,M365 BP\r\n" +
            "i4,subscription,co1,Acme,2024-05-01,2024-05-31,1,Trial,DEF-TRIAL,Trial,0,0,0,USD,sub2,Defender\r\n");

        var (transactions, problems, _) = BillingTestFiles.ReadAll(null, path);

        Assert.Empty(problems);
        Assert.True(transactions[1].IsProrated);
        Assert.Equal(ChargeType.Credit, transactions[2].ChargeType);
        Assert.True(transactions[3].IsTrial);
        var seats = TransactionSummarizer.Summarize(transactions, new DateTime(2024, 5, 25)).Single(s => s.Sku == "MS-365-BP");
        Assert.Equal(5m, seats.Quantity);
    }

    [Fact]
    public void A_profile_loads_from_a_path_and_maps_a_new_vendor_as_data()
    {
        using var files = new BillingTestFiles();
        var profilePath = files.Write("acme.json", """
            {
              "name": "acme-distribution",
              "source": "Acme",
              "columns": {
                "TransactionId": [ "Line" ], "CustomerId": [ "Client No" ], "Sku": [ "Article" ],
                "Quantity": [ "Units" ], "UnitCost": [ "Net" ], "Currency": [ "Cur" ],
                "ServiceStart": [ "From" ], "ServiceEnd": [ "To" ]
              },
              "chargeTypeRules": [
                { "when": { "column": "Kind", "anyOf": [ "Abo" ] }, "chargeType": "Recurring" },
                { "when": { "column": "Kind", "anyOf": [ "Gutschrift" ] }, "chargeType": "Credit" }
              ],
              "defaultChargeType": "OneTime",
              "dateFormats": [ "dd/MM/yyyy" ],
              "decimalSeparator": ","
            }
            """);
        var csvPath = files.Write("acme.csv",
            "Line,Client No,Article,Kind,Units,Net,Cur,From,To\r\n" +
            "1,0042,A-1,Abo,3,\"12,50\",EUR,01/05/2024,31/05/2024\r\n" +
            "2,0042,A-2,Gutschrift,1,\"-3,00\",EUR,01/05/2024,31/05/2024\r\n" +
            "3,0042,A-3,Hardware,1,\"100,00\",EUR,01/05/2024,01/05/2024\r\n");
        var options = new BillingReadOptions { Format = BillingSourceFormat.Profile, Profile = BillingProfile.Load(profilePath), Window = BillingWindow.Unbounded };

        var (transactions, problems, _) = BillingTestFiles.ReadAll(options, csvPath);

        Assert.Empty(problems);
        Assert.Equal(new[] { ChargeType.Recurring, ChargeType.Credit, ChargeType.OneTime }, transactions.Select(t => t.ChargeType));
        Assert.Equal(("Acme", "0042", 12.50m), (transactions[0].Source, transactions[0].CustomerId, transactions[0].UnitCost!.Value));
        Assert.Equal(new DateTime(2024, 5, 31, 0, 0, 0, DateTimeKind.Utc), transactions[0].ServiceEnd);
    }

    [Fact]
    public void A_profile_that_breaks_the_schema_is_refused_with_every_reason()
    {
        var error = Assert.Throws<BillingProfileException>(() => BillingProfile.Parse(
            """{ "name": "x", "source": "X", "columns": { "Price": [ "P" ] } }""", "inline"));

        Assert.Contains("'columns.Price' is not a Transaction property", error.Message);
        Assert.Contains("required 'CustomerId'", error.Message);
        Assert.Contains("TransactionId", error.Message);
        Assert.Contains("chargeTypeRules", error.Message);
    }

    [Fact]
    public void A_misspelt_profile_key_is_refused_rather_than_ignored()
    {
        Assert.Throws<BillingProfileException>(() => BillingProfile.Parse(
            """{ "name": "x", "source": "X", "colums": {} }""", "inline"));
    }
}
