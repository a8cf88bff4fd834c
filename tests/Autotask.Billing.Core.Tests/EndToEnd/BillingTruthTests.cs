using Autotask.Billing.Autotask.Entities;
using Autotask.Billing.Autotask.Query;
using Autotask.Billing.Mapping;
using Autotask.Billing.Notifications;
using Autotask.Billing.Reconciliation;
using Autotask.Billing.Reporting;
using static Autotask.Billing.Tests.EndToEnd.BillingTruthRun;

namespace Autotask.Billing.Tests.EndToEnd;

/// <summary>
/// Issue 10, "every vendor line means the same money in Autotask as on the vendor's bill": each numbered case from a
/// Partner Center reconciliation file written here, asserting the preview text and the money Autotask holds after
/// sync, read back over REST.
/// </summary>
public sealed class BillingTruthTests
{
    private const string Basic = "CFQ7TTC0LH18";
    private const string Standard = "CFQ7TTC0LDPB";
    private const string Defender = "CFQ7TTC0LFK0";
    private const string TeamsEssentials = "CFQ7TTC0QW7F";
    private const string AzurePlan = "DZH318Z0BQ4L";
    private const string Visio = "DG7GMGF0D7FV";

    /// <summary>A daily-rated usage file: one meter of Contoso's Azure subscription, 2.00 a day after PEC, list 2.40, from 1 October.</summary>
    private static string DailyRated(int days)
    {
        var text = new System.Text.StringBuilder(
            "PartnerId,CustomerId,CustomerName,SubscriptionId,EntitlementId,EntitlementDescription,UsageDate,MeterName,UnitPrice,Quantity,"
            + "EffectiveUnitPrice,BillingPreTaxTotal,BillingCurrency,PricingPreTaxTotal,PricingCurrency,PCToBCExchangeRate\n");
        for (var day = 1; day <= days; day++)
        {
            text.Append(FormattableString.Invariant(
                $"3b2f7a10-0000-4000-8000-000000000001,{Contoso},Contoso Dental Group,sub-co-azure,ent-co-1,Production,2026-10-{day:00},D2s v3,2.40,1,2.00,2.00,USD,2.00,USD,1\n"));
        }

        return text.ToString();
    }

    [Fact]
    public async Task Item1_a_customer_credit_is_charged_for_the_vendors_signed_subtotal_not_quantity_times_unit_price()
    {
        using var run = await StartAsync();
        run.MapService(Basic);
        run.Row(Northwind, Basic, "cycleCharge", "7.20", "40", "240.00", "2026-10-01", "2026-10-31", "6.00", "sub-nw-basic");
        run.Row(Northwind, Basic, "customerCredit", "7.20", "18", "-50.00", "2026-10-01", "2026-10-31", "7.20", "sub-nw-basic",
            term: string.Empty, frequency: string.Empty, creditReason: "Service level agreement credit");

        var differences = await run.CompareAndSyncAsync();

        var credit = Assert.Single(differences);
        Assert.Equal((DifferenceKind.OneTimeCharge, ChargeKind.Credit), (credit.Kind, credit.ChargeKind));
        Assert.Equal(-50.00m, credit.VendorAmount);
        Assert.Contains("a credit of 18 × ", credit.Reason);
        Assert.Contains("for -50.00 USD on the vendor's bill", credit.Reason);
        Assert.Contains("1 × -50.00 USD = -50.00 USD", credit.Reason);
        var charge = Assert.Single(await run.ChargesAsync(Northwind));
        Assert.Equal((1m, -50.00m, -50.00m, -50.00m), (charge.UnitQuantity!.Value, charge.UnitPrice!.Value, charge.UnitCost!.Value, charge.BillableAmount!.Value));
    }

    [Fact]
    public async Task Item1_an_azure_row_costs_microsofts_subtotal_to_the_cent_and_is_priced_at_list()
    {
        using var run = await StartAsync();
        var azure = await run.AddProductAsync("Azure consumption", AzurePlan, 0m, 0m);
        run.MapProduct(AzurePlan, azure);
        run.MapService(Defender);
        run.Row(Contoso, Defender, "cycleCharge", "3.60", "12", "36.00", "2026-10-01", "2026-10-31", "3.00", "sub-co-def");
        // Microsoft: Subtotal = ROUNDDOWN(EffectiveUnitPrice × BillableQuantity, 2) = ROUNDDOWN(0.0816 × 123.457, 2) = 10.07.
        run.Row(Contoso, AzurePlan, "new", "0.096", "1", "10.07", "2026-10-01", "2026-10-31", "0.0816", "sub-co-azure",
            term: "1 Cache Instance Hour", frequency: string.Empty, subscriptionDescription: "Azure plan", unitType: "1 Hour",
            billableQuantity: "123.457", meter: "Virtual Machines - D2s v3");

        var differences = await run.CompareAndSyncAsync();

        var usage = Assert.Single(differences);
        Assert.Equal(ChargeKind.Usage, usage.ChargeKind);
        Assert.Equal((11.85m, 10.07m), (usage.OneTimeRevenueImpact, usage.OneTimeCostImpact));
        Assert.Contains("through product 'Azure consumption': 1 × 11.85 USD = +11.85 USD", usage.Reason);
        var charge = Assert.Single(await run.ChargesAsync(Contoso), c => c.IsBilled != true);
        Assert.Equal(azure, charge.ProductID);
        Assert.Equal((11.85m, 10.07m), (charge.BillableAmount!.Value, charge.ExtendedCost!.Value));
    }

    [Fact]
    public async Task Item1_and_12_a_refunded_perpetual_licence_is_a_negative_charge_through_its_mapped_product_and_an_unmapped_one_time_sku_is_never_charged()
    {
        using var run = await StartAsync();
        var visio = await run.AddProductAsync("Visio Professional 2024", Visio, 580m, 522m);
        run.MapProduct(Visio, visio);
        run.Row(Woodgrove, Visio, "new", "580.00", "2", "1044.00", "2026-10-05", "2026-10-05", "522.00", "sub-wg-visio", term: string.Empty, frequency: "OneTime");
        run.Row(Woodgrove, Visio, "cancelImmediate", "580.00", "2", "-1044.00", "2026-10-12", "2026-10-12", "522.00", "sub-wg-visio", term: string.Empty, frequency: "OneTime");
        run.Row(Woodgrove, "CFQ7TTC0ZZZZ", "new", "99.00", "1", "99.00", "2026-10-07", "2026-10-07", "99.00", "sub-wg-other", term: string.Empty, frequency: "OneTime");

        var differences = await run.CompareAndSyncAsync();

        Assert.Equal(
            new[] { (DifferenceKind.UnmappedSku, (ChargeKind?)ChargeKind.OneTime), (DifferenceKind.OneTimeCharge, ChargeKind.OneTime), (DifferenceKind.OneTimeCharge, ChargeKind.Refund) },
            differences.Select(d => (d.Kind, d.ChargeKind)).OrderBy(d => d.Kind).ThenBy(d => d.ChargeKind));
        Assert.Contains("a refund of 2 × ", differences.Single(d => d.ChargeKind == ChargeKind.Refund).Reason);
        Assert.Equal(0m, run.Summary!.OneTimeRevenueImpact);
        var charges = await run.ChargesAsync(Woodgrove);
        Assert.Equal(2, charges.Count);
        Assert.All(charges, c => Assert.Equal(visio, c.ProductID));
        Assert.Equal(
            new[] { (2m, -580.00m, -1160.00m, -1044.00m), (2m, 580.00m, 1160.00m, 1044.00m) },
            charges.Select(c => (c.UnitQuantity!.Value, c.UnitPrice!.Value, c.BillableAmount!.Value, c.ExtendedCost!.Value)).OrderBy(c => c.Item3));
    }

    [Fact]
    public async Task Item2_and_13_an_annual_renewal_sets_the_monthly_price_a_twelfth_of_the_annual_from_the_renewal_date()
    {
        using var run = await StartAsync();
        run.MapService(Standard);
        run.Row(Fabrikam, Standard, "renew", "186.00", "25", "3900.00", "2026-10-10", "2027-10-09", "156.00", "sub-fb-std",
            term: "One-Year commitment for yearly billing", frequency: "Annual");

        var differences = await run.CompareAndSyncAsync();

        var price = Assert.Single(differences);
        Assert.Equal(DifferenceKind.PriceChange, price.Kind);
        Assert.Equal((15.50m, 13.00m), (price.TargetUnitPrice, price.TargetUnitCost));
        Assert.Equal(Day(2026, 10, 10), price.EffectiveDate);
        Assert.Contains("from 2026-10-10", price.Reason);
        Assert.Equal(0m, price.OneTimeRevenueImpact);
        Assert.Equal(12.50m, price.MonthlyRevenueImpact);
        var before = await run.UnitsOnAsync(Fabrikam, Standard, Day(2026, 10, 9));
        var after = await run.UnitsOnAsync(Fabrikam, Standard, Day(2026, 10, 10));
        Assert.Equal((15.00m, 12.50m), (before!.Price, before.Cost));
        Assert.Equal((15.50m, 13.00m, 25), (after!.Price, after.Cost, after.Units));
    }

    [Fact]
    public async Task Item3_and_11_a_prorated_first_period_adds_seats_but_never_sets_the_price_and_usage_is_a_one_time_impact_apart_from_the_monthly_one()
    {
        using var run = await StartAsync();
        var azure = await run.AddProductAsync("Azure consumption", AzurePlan, 0m, 0m);
        run.MapProduct(AzurePlan, azure);
        run.MapService(Defender);
        run.Row(Contoso, Defender, "cycleCharge", "3.60", "12", "36.00", "2026-10-01", "2026-10-31", "3.00", "sub-co-def");
        // A calendar-aligned new subscription: 18 of 31 days, so its effective unit price is a fraction of a month's.
        run.Row(Contoso, Defender, "new", "3.60", "2", "3.48", "2026-10-14", "2026-10-31", "1.74", "sub-co-def-2");
        run.Row(Contoso, AzurePlan, "new", "1.00", "1", "85.00", "2026-10-01", "2026-10-31", "0.85", "sub-co-azure",
            term: "1 Hour", frequency: string.Empty, subscriptionDescription: "Azure plan", unitType: "1 Hour", billableQuantity: "100");

        var differences = await run.CompareAndSyncAsync();

        var seats = differences.Single(d => d.Kind == DifferenceKind.QuantityChange);
        Assert.Equal((12m, 14m, 3.60m, 3.00m), (seats.AutotaskQuantity!.Value, seats.VendorQuantity!.Value, seats.TargetUnitPrice!.Value, seats.TargetUnitCost!.Value));
        Assert.Equal(Day(2026, 10, 14), seats.EffectiveDate);
        Assert.DoesNotContain(differences, d => d.Kind is DifferenceKind.PriceChange or DifferenceKind.CostChange);
        Assert.Equal((7.20m, 0m), (run.Summary!.MonthlyRevenueImpact, seats.OneTimeRevenueImpact));
        Assert.Equal((100.00m, 85.00m), (run.Summary.OneTimeRevenueImpact, run.Summary.OneTimeCostImpact));
        var units = await run.UnitsOnAsync(Contoso, Defender, Day(2026, 10, 14));
        Assert.Equal((14, 3.60m, 3.00m), (units!.Units!.Value, units.Price, units.Cost));
    }

    [Fact]
    public async Task Item4_and_5_the_customer_price_is_the_list_price_converted_at_microsofts_rate_never_the_partners_cost()
    {
        using var run = await StartAsync();
        run.Currency = "EUR";
        run.MapService(Basic);
        // USD-priced, EUR-billed: list 7.80 USD × 0.9245 = 7.2111 → 7.21 EUR; cost 6.50 × 0.9245 = 6.009 → 6.00 EUR (rounded down, as Microsoft does).
        run.Row(Northwind, Basic, "cycleCharge", "7.80", "40", "240.00", "2026-10-01", "2026-10-31", "6.50", "sub-nw-basic",
            pricingCurrency: "USD", rate: "0.9245");

        var differences = await run.CompareAndSyncAsync();

        var line = Assert.Single(run.Lines);
        Assert.Equal((null, 7.21m, 6.00m, 0.9245m, "EUR", "USD"), (line.UnitPrice, line.ListUnitPrice, line.UnitCost, line.ExchangeRate, line.Currency, line.PricingCurrency));
        var price = Assert.Single(differences);
        Assert.Equal((DifferenceKind.PriceChange, 7.21m, 6.00m), (price.Kind, price.TargetUnitPrice!.Value, price.TargetUnitCost!.Value));
        Assert.Contains("PartnerCenter bills 7.21 EUR", price.Reason);
        var units = await run.UnitsOnAsync(Northwind, Basic, Day(2026, 10, 1));
        Assert.Equal((7.21m, 6.00m), (units!.Price, units.Cost));
    }

    [Fact]
    public async Task Item4_cost_plus_markup_is_a_price_basis_the_msp_chooses()
    {
        using var run = await StartAsync();
        run.PriceBasis = PriceBasis.CostPlusMarkup;
        run.MarkupPercent = 25m;
        run.MapService(Basic);
        run.Row(Northwind, Basic, "cycleCharge", "7.20", "40", "240.00", "2026-10-01", "2026-10-31", "6.00", "sub-nw-basic");

        var differences = await run.CompareAndSyncAsync();

        Assert.Equal(7.50m, Assert.Single(differences).TargetUnitPrice);
        Assert.Equal(7.50m, (await run.UnitsOnAsync(Northwind, Basic, Day(2026, 10, 1)))!.Price);
    }

    [Fact]
    public async Task Item6_trial_seats_are_never_billable_seats()
    {
        using var run = await StartAsync();
        run.MapService(TeamsEssentials);
        run.MapService(Basic);
        run.Row(Woodgrove, TeamsEssentials, "new", "0", "25", "0", "2026-10-01", "2026-10-31", "0", "sub-wg-trial",
            term: "One-Month commitment for trial", frequency: string.Empty, qualifiers: "[\"Trial\"]");
        run.Row(Woodgrove, TeamsEssentials, "cycleCharge", "4.80", "2", "8.00", "2026-10-01", "2026-10-31", "4.00", "sub-wg-paid");
        run.Row(Woodgrove, Basic, "new", "0", "10", "0", "2026-10-01", "2026-10-31", "0", "sub-wg-basic-trial",
            term: "One-Month commitment for trial", frequency: string.Empty, qualifiers: "[\"Trial\"]");

        var differences = await run.CompareAndSyncAsync();

        Assert.Empty(differences);
        Assert.Equal(ChargeKind.Trial, run.Lines[0].Kind);
        Assert.Equal(2, (await run.UnitsOnAsync(Woodgrove, TeamsEssentials, Day(2026, 10, 31)))!.Units);
        Assert.Empty(await run.Client.QueryAsync<ContractService>(AutotaskQuery.Where(
            AutotaskFilter.Eq("contractID", run.ContractOf(Woodgrove)), AutotaskFilter.Eq("serviceID", run.ServiceId(Basic)))));
    }

    [Theory]
    [InlineData(RemovalPolicy.ReportOnly, 25)]
    [InlineData(RemovalPolicy.AdjustToZero, 0)]
    public async Task Item10_a_mapped_customer_absent_from_the_bill_gets_removed_differences_report_only_unless_chosen(RemovalPolicy policy, int unitsAfter)
    {
        using var run = await StartAsync();
        run.AbsentCustomerPolicy = policy;
        run.AlsoMapped.Add(Fabrikam);
        run.MapService(Basic);
        run.MapService(Standard);
        run.Row(Northwind, Basic, "cycleCharge", "7.20", "40", "240.00", "2026-10-01", "2026-10-31", "6.00", "sub-nw-basic");

        var differences = await run.CompareAndSyncAsync();

        var removed = Assert.Single(differences);
        Assert.Equal((DifferenceKind.Removed, "Fabrikam Logistics", Standard, 25m), (removed.Kind, removed.CustomerName, removed.Sku, removed.AutotaskQuantity!.Value));
        Assert.Equal(policy == RemovalPolicy.AdjustToZero, removed.IsActionable);
        Assert.Contains("has no line at all in this PartnerCenter bill", removed.Reason);
        Assert.Equal(-375.00m, removed.MonthlyRevenueImpact);
        Assert.Equal(unitsAfter, (await run.UnitsOnAsync(Fabrikam, Standard, Day(2026, 10, 31)))!.Units);
    }

    [Fact]
    public async Task Item11_reports_and_notifications_keep_one_time_money_apart_from_monthly_revenue()
    {
        using var run = await StartAsync();
        run.MapService(Basic);
        run.Row(Northwind, Basic, "cycleCharge", "7.20", "42", "252.00", "2026-10-01", "2026-10-31", "6.00", "sub-nw-basic");
        run.Row(Northwind, Basic, "customerCredit", "7.20", "18", "-50.00", "2026-10-01", "2026-10-31", "7.20", "sub-nw-basic",
            term: string.Empty, frequency: string.Empty, creditReason: "Service level agreement credit");
        var differences = await run.CompareAndSyncAsync(sync: false);
        var builder = new BillingReportBuilder();
        foreach (var difference in differences)
        {
            builder.Add(typeof(ContractDifference).GetProperties().ToDictionary(p => p.Name, p => p.GetValue(difference)));
        }

        var report = builder.Build("October", DateTime.UtcNow);
        var html = new StringWriter();
        await new HtmlReportWriter().WriteAsync(report, html, CancellationToken.None);
        var message = NotificationMessage.Compose(report);

        Assert.Equal((14.40m, -50.00m), (run.Summary!.MonthlyRevenueImpact, run.Summary.OneTimeRevenueImpact));
        var total = Assert.Single(report.Totals);
        Assert.Equal((14.40m, -50.00m, -50.00m), (total.MonthlyRevenueImpact, total.OneTimeRevenueImpact, total.OneTimeCostImpact));
        Assert.Contains("<th>One-time revenue</th>", html.ToString());
        Assert.Contains(message.Facts, f => f.Key == "Monthly impact (USD)" && f.Value.StartsWith("revenue +14.40 USD", StringComparison.Ordinal));
        Assert.Contains(message.Facts, f => f.Key == "One-time charges (USD)" && f.Value == "revenue -50.00 USD, cost -50.00 USD");
    }

    [Fact]
    public async Task Item14_a_created_contract_starts_by_the_earliest_subscription_and_a_created_product_carries_the_sku_as_manufacturer_product_number()
    {
        using var run = await StartAsync();
        run.MapService(Basic);
        run.MapToCreate(Visio);
        run.Row(Tailwind, Basic, "cycleCharge", "7.20", "5", "30.00", "2026-10-14", "2026-11-13", "6.00", "sub-tw-basic", subscriptionStart: "2025-03-14");
        run.Row(Tailwind, Visio, "new", "580.00", "1", "522.00", "2026-10-20", "2026-10-20", "522.00", "sub-tw-visio", term: string.Empty, frequency: "OneTime");

        var differences = await run.CompareAndSyncAsync();

        Assert.Equal(Day(2025, 3, 14), differences.Single(d => d.Sku == Basic).SubscriptionStart);
        var company = run.Server.Sandbox.Data.All("Companies").Single(c => (string?)c["companyName"] == "Tailwind Traders");
        var contract = (await run.Client.QueryAsync<Contract>(AutotaskQuery.Where(AutotaskFilter.Eq("companyID", (long)company["id"]!)))).Single();
        Assert.True(contract.StartDate <= Day(2025, 3, 14), $"the contract starts {contract.StartDate:yyyy-MM-dd}");
        var product = (await run.Client.QueryAsync<Product>(AutotaskQuery.Where(AutotaskFilter.Eq("manufacturerProductName", Visio)))).Single();
        var charge = Assert.Single(await run.Client.QueryAsync<ContractCharge>(AutotaskQuery.Where(AutotaskFilter.Eq("contractID", contract.Id))));
        Assert.Equal((product.Id, 580.00m, 522.00m), (charge.ProductID!.Value, charge.BillableAmount!.Value, charge.ExtendedCost!.Value));
    }

    [Fact]
    public async Task Item7_usage_synced_from_half_a_month_and_then_the_whole_month_charges_exactly_the_difference()
    {
        using var run = await StartAsync();
        var azure = await run.AddProductAsync("Azure consumption", "AzurePlanUsage", 0m, 0m);
        run.MapProduct("AzurePlanUsage", azure);
        run.AlsoMapped.Add(Contoso);
        var half = run.WriteFile("daily-rated-2026-10-15.csv", DailyRated(15));
        var whole = run.WriteFile("daily-rated-2026-10-31.csv", DailyRated(31));

        var first = Assert.Single(await run.CompareAndSyncAsync(true, half));
        var second = Assert.Single(await run.CompareAndSyncAsync(true, whole));
        var third = await run.CompareAndSyncAsync(true, whole);

        Assert.Equal((DifferenceKind.OneTimeCharge, 36.00m, 30.00m), (first.Kind, first.OneTimeRevenueImpact, first.OneTimeCostImpact));
        Assert.Equal((DifferenceKind.UsageCorrection, 38.40m, 32.00m), (second.Kind, second.OneTimeRevenueImpact, second.OneTimeCostImpact));
        Assert.Contains("Sync charges exactly the difference, +38.40 USD (cost +32.00 USD)", second.Reason);
        Assert.Empty(third);
        var charges = (await run.ChargesAsync(Contoso)).Where(c => c.ProductID == azure).ToList();
        Assert.Equal(2, charges.Count);
        Assert.Equal((74.40m, 62.00m), (charges.Sum(c => c.BillableAmount!.Value), charges.Sum(c => c.ExtendedCost!.Value)));
    }

    [Fact]
    public async Task Item7_an_azure_row_of_the_unbilled_recent_activity_file_and_again_of_the_closed_file_is_charged_once()
    {
        using var run = await StartAsync();
        var azure = await run.AddProductAsync("Azure consumption", AzurePlan, 0m, 0m);
        run.MapProduct(AzurePlan, azure);
        run.AlsoMapped.Add(Contoso);
        run.Row(Contoso, AzurePlan, "new", "1.00", "1", "40.00", "2026-10-01", "2026-10-31", "1.00", "sub-co-azure",
            term: "1 Hour", frequency: string.Empty, subscriptionDescription: "Azure plan", unitType: "1 Hour", billableQuantity: "40", invoiced: false);
        var recent = run.SaveFile("recent-activity.csv");
        run.Row(Contoso, AzurePlan, "new", "1.00", "1", "42.50", "2026-10-01", "2026-10-31", "1.00", "sub-co-azure",
            term: "1 Hour", frequency: string.Empty, subscriptionDescription: "Azure plan", unitType: "1 Hour", billableQuantity: "42.5");
        var closed = run.SaveFile("reconciliation-closed.csv");

        var estimate = Assert.Single(await run.CompareAndSyncAsync(true, recent));
        var correction = Assert.Single(await run.CompareAndSyncAsync(true, recent, closed));

        Assert.Equal(40.00m, estimate.OneTimeRevenueImpact);
        Assert.Equal((DifferenceKind.UsageCorrection, 2.50m), (correction.Kind, correction.OneTimeRevenueImpact));
        var charges = (await run.ChargesAsync(Contoso)).Where(c => c.ProductID == azure).ToList();
        Assert.Equal(42.50m, charges.Sum(c => c.BillableAmount!.Value));
    }

    [Fact]
    public async Task Item8_and_1_intermedia_services_added_items_add_seats_and_a_credit_is_charged_for_its_signed_amount()
    {
        using var run = await StartAsync();
        run.Vendor = "Intermedia";
        run.MapService(Basic);
        var balance = run.WriteFile("balance.csv",
            "Transaction ID,Date,Account ID,Company Name,User Name,Category,Charge Item ID,SKU,Item Description,Price Type,Service Start Date,Service End Date,Quantity,Unit Price,Unit Cost,Service Charges,Tax,Total,Payments,Balance,Comment\r\n"
            + $"500101,10/01/2026,{Northwind},Northwind Traders,,MR,1,{Basic},Microsoft 365 Business Basic,Recurring,10/01/2026,10/31/2026,40,7.20,6.00,240.00,0,240.00,,,MR\r\n"
            + $"500102,10/20/2026,{Northwind},Northwind Traders,,MR,1,{Basic},Microsoft 365 Business Basic,Services Added,10/20/2026,10/31/2026,3,7.20,6.00,6.97,0,6.97,,,MR\r\n"
            + $"500103,10/22/2026,{Northwind},Northwind Traders,,MR,1,{Basic},Microsoft 365 Business Basic,Credit,10/22/2026,10/22/2026,1,8.00,,-4.13,0,-4.13,,,MR\r\n");

        var differences = await run.CompareAndSyncAsync(true, balance);

        Assert.Equal(QuantityChange.Added, run.Lines[1].QuantityChange);
        var seats = differences.Single(d => d.Kind == DifferenceKind.QuantityChange);
        Assert.Equal((40m, 43m, Day(2026, 10, 20)), (seats.AutotaskQuantity!.Value, seats.VendorQuantity!.Value, seats.EffectiveDate));
        var credit = differences.Single(d => d.Kind == DifferenceKind.OneTimeCharge);
        Assert.Equal((ChargeKind.Credit, -4.13m), (credit.ChargeKind, credit.OneTimeRevenueImpact));
        Assert.Equal(40, (await run.UnitsOnAsync(Northwind, Basic, Day(2026, 10, 19)))!.Units);
        Assert.Equal((43, 7.20m), ((await run.UnitsOnAsync(Northwind, Basic, Day(2026, 10, 20)))!.Units!.Value, (await run.UnitsOnAsync(Northwind, Basic, Day(2026, 10, 20)))!.Price));
        var charge = Assert.Single(await run.ChargesAsync(Northwind));
        Assert.Equal(-4.13m, charge.BillableAmount);
    }

    [Fact]
    public async Task Item2_a_pax8_annual_line_is_a_price_per_month_a_twelfth_of_the_annual()
    {
        using var run = await StartAsync();
        var pax8 = run.WriteFile("pax8-invoice-items.csv",
            "id,companyId,companyName,type,sku,productName,description,quantity,price,cost,subTotal,costTotal,currencyCode,startPeriod,endPeriod,subscriptionId,term\n"
            + "it-1,px-northwind,Northwind Traders,subscription,MST-EXO-P1-ANNUAL,Exchange Online (Plan 1),Annual,8,52.80,44.00,422.40,352.00,USD,2026-10-01,2027-09-30,sub-px-1,Annual\n");
        var reader = new BillingSourceReader(new BillingReadOptions { Window = BillingWindow.ForMonth("2026-10") });
        var line = reader.ReadFile(pax8, CancellationToken.None).Select(item => item.Transaction).OfType<Transaction>().Single();

        var seats = Assert.Single(TransactionSummarizer.Summarize(new[] { line }, Day(2026, 10, 31)));

        Assert.Equal((ChargeKind.Recurring, "Annual"), (line.Kind, line.BillingCycle));
        Assert.Equal((8m, 4.40m, 3.6667m), (seats.Quantity, seats.UnitPrice!.Value, seats.UnitCost!.Value));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Item14_a_deleted_mapped_service_is_reported_or_recreated_as_the_settings_say(bool recreate)
    {
        using var run = await StartAsync();
        run.RecreateDeletedServices = recreate;
        run.MapService("CFQ7TTC0HHS9", 987654);
        run.Row(Northwind, "CFQ7TTC0HHS9", "cycleCharge", "10.00", "10", "80.00", "2026-10-01", "2026-10-31", "8.00", "sub-nw-phone");

        var differences = await run.CompareAndSyncAsync();

        var missing = Assert.Single(differences);
        Assert.Equal((DifferenceKind.MissingService, recreate), (missing.Kind, missing.IsActionable));
        Assert.Equal(recreate ? "RecreateDeletedServices" : "MappedServiceNotFound", missing.Rule);
        var services = run.Server.Sandbox.Data.All("Services").Where(s => (string?)s["name"] == "CFQ7TTC0HHS9").ToList();
        Assert.Equal(recreate ? 1 : 0, services.Count);
        if (recreate)
        {
            var onContract = (await run.Client.QueryAsync<ContractService>(AutotaskQuery.Where(
                AutotaskFilter.Eq("contractID", run.ContractOf(Northwind)), AutotaskFilter.Eq("serviceID", (long)services[0]["id"]!)))).Single();
            Assert.Equal(10.00m, onContract.AdjustedPrice ?? onContract.UnitPrice);
        }
    }

    [Fact]
    public async Task Item9_usage_carried_as_a_quantity_one_service_falls_to_zero_in_a_month_without_usage()
    {
        using var run = await StartAsync();
        run.UsageAsService = true;
        var azure = await run.AddServiceAsync("Azure plan", AzurePlan);
        run.MapService(AzurePlan, azure);
        run.MapService(Defender);
        run.Row(Contoso, Defender, "cycleCharge", "3.60", "12", "36.00", "2026-10-01", "2026-10-31", "3.00", "sub-co-def");
        run.Row(Contoso, AzurePlan, "new", "1.00", "1", "85.00", "2026-10-01", "2026-10-31", "0.85", "sub-co-azure",
            term: "1 Hour", frequency: string.Empty, subscriptionDescription: "Azure plan", unitType: "1 Hour", billableQuantity: "100");
        var withUsage = run.SaveFile("with-usage.csv");
        run.Row(Contoso, Defender, "cycleCharge", "3.60", "12", "36.00", "2026-10-01", "2026-10-31", "3.00", "sub-co-def");
        var withoutUsage = run.SaveFile("without-usage.csv");

        var added = Assert.Single(await run.CompareAndSyncAsync(true, withUsage));
        var afterUsage = await run.UnitsOnAsync(Contoso, AzurePlan, Day(2026, 10, 31));
        var removed = Assert.Single(await run.CompareAndSyncAsync(true, withoutUsage));

        Assert.Equal((DifferenceKind.NewService, 100.00m, 85.00m), (added.Kind, added.TargetUnitPrice!.Value, added.TargetUnitCost!.Value));
        Assert.Equal((1, 100.00m), (afterUsage!.Units!.Value, afterUsage.Price));
        Assert.Equal((DifferenceKind.Removed, 1m), (removed.Kind, removed.AutotaskQuantity!.Value));
        Assert.Equal(0, (await run.UnitsOnAsync(Contoso, AzurePlan, Day(2026, 10, 31)))!.Units);
    }

    [Fact]
    public void Compare_and_sync_pick_the_same_units_row_where_rows_touch_at_a_boundary_date()
    {
        var rows = new[]
        {
            new ContractServiceUnit { Id = 7, StartDate = Day(2026, 10, 14), EndDate = Day(2026, 10, 31), Units = 14 },
            new ContractServiceUnit { Id = 6, StartDate = Day(2026, 10, 1), EndDate = Day(2026, 10, 14), Units = 12 },
        };

        Assert.Equal(12, UnitsRowInForce.On(rows, Day(2026, 10, 13))!.Units);
        Assert.Equal(14, UnitsRowInForce.On(rows, Day(2026, 10, 14))!.Units);
        Assert.Equal(14, UnitsRowInForce.On(rows.Reverse(), Day(2026, 10, 14))!.Units);
        Assert.Equal(14, UnitsRowInForce.On(rows, Day(2026, 11, 5))!.Units);
        Assert.Null(UnitsRowInForce.On(rows, Day(2026, 9, 30)));
    }
}
