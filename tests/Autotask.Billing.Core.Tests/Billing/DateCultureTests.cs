using System.Globalization;

namespace Autotask.Billing.Tests.Billing;

/// <summary>Issue 10 item 13: slash dates are read in one declared day/month order, or not at all.</summary>
public sealed class DateCultureTests
{
    // A UK vendor's export: day/month/year, most dates ambiguous (both numbers 12 or less), one not (25/10).
    private const string Header = "TransactionId,CustomerId,Sku,ChargeType,Quantity,UnitPrice,Currency,ServiceStart,ServiceEnd";

    private const string DayFirstRows =
        "T1,C1,SKU1,Recurring,3,10.00,GBP,08/10/2026,07/11/2026\r\n" +
        "T2,C1,SKU2,Recurring,1,5.00,GBP,25/10/2026,24/11/2026\r\n" +
        "T3,C2,SKU1,Recurring,2,10.00,GBP,01/10/2026,31/10/2026\r\n";

    [Fact]
    public void A_day_first_file_without_a_culture_rejects_every_ambiguous_date_with_file_line_column_and_the_culture_to_declare()
    {
        using var files = new BillingTestFiles();
        var path = files.Write("uk-vendor.csv", Header + "\r\n" + DayFirstRows);

        var (transactions, problems, _) = BillingTestFiles.ReadAll(null, path);

        // Only T2 (25/10: day-first beyond doubt) is read; nothing is read month-first.
        var read = Assert.Single(transactions);
        Assert.Equal(("T2", new DateTime(2026, 10, 25, 0, 0, 0, DateTimeKind.Utc)), (read.TransactionId, read.ServiceStart));
        Assert.Equal(new[] { 2, 4 }, problems.Select(p => p.LineNumber));
        var first = problems[0];
        Assert.Equal((BillingProblemReason.AmbiguousDate, "ServiceStart", "08/10/2026", 8), (first.Reason, first.Column, first.Value, first.ColumnNumber));
        Assert.Contains("-Culture en-GB", first.Message, StringComparison.Ordinal);
        Assert.StartsWith(path + ":2:8 [AmbiguousDate]", first.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_file_reads_right_with_the_en_gb_culture()
    {
        using var files = new BillingTestFiles();
        var path = files.Write("uk-vendor.csv", Header + "\r\n" + DayFirstRows);

        var (transactions, problems, _) = BillingTestFiles.ReadAll(
            new BillingReadOptions { Window = BillingWindow.Unbounded, Culture = CultureInfo.GetCultureInfo("en-GB") }, path);

        Assert.Empty(problems);
        Assert.Equal(
            new[] { (new DateTime(2026, 10, 8), new DateTime(2026, 11, 7)), (new DateTime(2026, 10, 25), new DateTime(2026, 11, 24)), (new DateTime(2026, 10, 1), new DateTime(2026, 10, 31)) },
            transactions.Select(t => (t.ServiceStart!.Value, t.ServiceEnd!.Value)));
    }

    [Fact]
    public void A_profile_culture_reads_day_first_and_minus_culture_wins_over_it()
    {
        using var files = new BillingTestFiles();
        var path = files.Write("vendor.csv", "Line,Account,Part,Seats,Start\r\nL1,A1,P1,4,08/10/2026\r\n");
        var profile = BillingProfile.Parse(
            """
            {
              "name": "uk-vendor", "source": "UkVendor", "culture": "en-GB", "defaultChargeType": "Recurring", "defaultCurrency": "GBP",
              "columns": { "TransactionId": [ "Line" ], "CustomerId": [ "Account" ], "Sku": [ "Part" ], "Quantity": [ "Seats" ], "ServiceStart": [ "Start" ] }
            }
            """,
            "uk-vendor.json");

        var (byProfile, problems, _) = BillingTestFiles.ReadAll(
            new BillingReadOptions { Window = BillingWindow.Unbounded, Format = BillingSourceFormat.Profile, Profile = profile }, path);
        var (byParameter, _, _) = BillingTestFiles.ReadAll(
            new BillingReadOptions { Window = BillingWindow.Unbounded, Format = BillingSourceFormat.Profile, Profile = profile, Culture = CultureInfo.GetCultureInfo("en-US") }, path);

        Assert.Empty(problems);
        Assert.Equal(new DateTime(2026, 10, 8), Assert.Single(byProfile).ServiceStart);
        Assert.Equal(new DateTime(2026, 8, 10), Assert.Single(byParameter).ServiceStart);
    }

    [Fact]
    public void A_month_first_file_reads_with_en_us_and_unambiguous_and_iso_dates_need_no_culture()
    {
        using var files = new BillingTestFiles();
        var usPath = files.Write("us-vendor.csv", Header + "\r\nT1,C1,SKU1,Recurring,3,10.00,USD,08/10/2026 9:30 AM,09/09/2026\r\n");
        var plainPath = files.Write("plain.csv", Header + "\r\nT1,C1,SKU1,Recurring,3,10.00,USD,2026-08-10,10/25/2026\r\n");

        var (us, usProblems, _) = BillingTestFiles.ReadAll(
            new BillingReadOptions { Window = BillingWindow.Unbounded, Culture = CultureInfo.GetCultureInfo("en-US") }, usPath);
        var (plain, plainProblems, _) = BillingTestFiles.ReadAll(null, plainPath);

        Assert.Empty(usProblems);
        Assert.Equal((new DateTime(2026, 8, 10), new DateTime(2026, 9, 9)), (us[0].ServiceStart!.Value, us[0].ServiceEnd!.Value));
        Assert.Empty(plainProblems);
        Assert.Equal((new DateTime(2026, 8, 10), new DateTime(2026, 10, 25)), (plain[0].ServiceStart!.Value, plain[0].ServiceEnd!.Value));
    }

    [Fact]
    public void A_file_that_shows_both_orders_without_a_culture_rejects_the_date_that_contradicts_the_first()
    {
        using var files = new BillingTestFiles();
        var path = files.Write("mixed.csv", Header + "\r\nT1,C1,SKU1,Recurring,3,10.00,USD,10/25/2026,\r\nT2,C1,SKU2,Recurring,1,5.00,USD,25/10/2026,\r\n");

        var (transactions, problems, _) = BillingTestFiles.ReadAll(null, path);

        Assert.Equal("T1", Assert.Single(transactions).TransactionId);
        var problem = Assert.Single(problems);
        Assert.Equal((BillingProblemReason.AmbiguousDate, 3), (problem.Reason, problem.LineNumber));
        Assert.Contains("'10/25/2026' earlier in the file is month-first", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_culture_that_is_not_one_is_refused_in_a_profile()
    {
        var error = Assert.Throws<BillingProfileException>(() => BillingProfile.Parse(
            """{ "name": "x", "source": "X", "culture": "not a culture!", "defaultChargeType": "Recurring", "columns": { "TransactionId": [ "Id" ], "CustomerId": [ "C" ], "Sku": [ "S" ], "Quantity": [ "Q" ] } }""",
            "x.json"));

        Assert.Contains("'culture'", error.Message, StringComparison.Ordinal);
    }
}
