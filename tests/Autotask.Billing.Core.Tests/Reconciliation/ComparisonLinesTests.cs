using System.Globalization;
using CompareOptions = Autotask.Billing.Reconciliation.CompareOptions;
using Autotask.Billing.Reconciliation;
using static Autotask.Billing.Tests.Reconciliation.CompareTenant;

namespace Autotask.Billing.Tests.Reconciliation;

/// <summary>
/// Compare-AtContract takes its lines in one by one (<see cref="ComparisonLines"/>): sorted at once, and with a known
/// as-of date each seat group summed as soon as the lines move on (issue 15). Whatever the order the lines come in,
/// the seats and every property of every difference must be what the lines compared as a list give.
/// </summary>
public sealed class ComparisonLinesTests : IDisposable
{
    private readonly CompareTenant _tenant = new();
    private readonly TenantCustomer _contoso;
    private readonly TenantCustomer _fabrikam;

    public ComparisonLinesTests()
    {
        var basic = _tenant.AddService("CFQ7TTC0LH18", "Microsoft 365 Business Basic", 7.20m, 6.00m);
        var backup = _tenant.AddService("BACKUP", "Backup", 30.00m, 18.00m);
        _contoso = _tenant.AddCustomer("Contoso Dental");
        _fabrikam = _tenant.AddCustomer("Fabrikam Logistics");
        _tenant.AddUnits(_contoso, basic, 10);
        _tenant.AddUnits(_contoso, backup, 3);
        _tenant.AddUnits(_fabrikam, basic, 4);
    }

    public void Dispose() => _tenant.Dispose();

    [Fact]
    public void Seats_summed_as_the_groups_go_by_are_the_seats_of_all_their_lines()
    {
        var lines = Lines(interleaved: false);
        var taken = Take(lines, new CompareOptions { AsOf = AsOf });

        var input = taken.Input(AsOf);

        Assert.Equal(PropertyText.Describe(TransactionSummarizer.Summarize(lines, AsOf)), PropertyText.Describe(input.Seats));
        Assert.Equal(4, taken.SummedEarly); // Contoso's two SKUs, Northwind's and Fabrikam's: every group came in one run
    }

    [Fact]
    public void A_group_that_comes_back_after_others_is_summed_again_from_all_its_lines()
    {
        var lines = Lines(interleaved: true);
        var taken = Take(lines, new CompareOptions { AsOf = AsOf });

        var input = taken.Input(AsOf);

        Assert.Equal(PropertyText.Describe(TransactionSummarizer.Summarize(lines, AsOf)), PropertyText.Describe(input.Seats));
        Assert.Equal(2, taken.SummedEarly); // Contoso's Basic and Fabrikam's came back; Backup and Northwind stayed summed
        var fabrikam = Assert.Single(input.Seats, s => s.CustomerId == _fabrikam.CustomerId);
        Assert.Equal(41m, fabrikam.Quantity); // 40 seats before Contoso's lines and 1 after
    }

    [Fact]
    public void Without_a_known_as_of_date_groups_are_summed_on_the_date_the_lines_so_far_give()
    {
        var lines = Lines(interleaved: false);
        var taken = Take(lines, new CompareOptions());

        var input = taken.Input(taken.AsOf);

        Assert.Equal(AsOf, taken.AsOf); // the last day of the month of the latest service start
        Assert.Equal(PropertyText.Describe(TransactionSummarizer.Summarize(lines, AsOf)), PropertyText.Describe(input.Seats));
        Assert.Equal(4, taken.SummedEarly);
    }

    [Fact]
    public void Groups_summed_before_a_later_line_moved_the_as_of_date_are_summed_again_on_the_new_date()
    {
        // The last group starts in November: the run's date becomes 30 November, after three groups were summed on 31 October.
        var lines = Lines(interleaved: false);
        var november = Day(2026, 11, 30);
        lines.Add(VendorLines.Seat(_fabrikam.Source, _fabrikam.CustomerId, _fabrikam.Name, "BACKUP", 2, 30.00m, 18.00m, "fab-backup", line: 300, start: Day(2026, 11, 1)));
        var taken = Take(lines, new CompareOptions());

        var input = taken.Input(taken.AsOf);

        Assert.Equal(november, taken.AsOf);
        Assert.Equal(PropertyText.Describe(TransactionSummarizer.Summarize(lines, november)), PropertyText.Describe(input.Seats));
        // Fabrikam's Basic was summed when the November line arrived, so on the new date; so was the November group.
        Assert.Equal(2, taken.SummedEarly);
        Assert.All(input.Seats, seat => Assert.Equal(november, seat.AsOf));
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, true)]
    [InlineData(false, false)]
    [InlineData(true, false)]
    public async Task Lines_taken_one_by_one_give_the_differences_of_the_lines_as_a_list(bool interleaved, bool asOfKnown)
    {
        var lines = Lines(interleaved);
        var options = asOfKnown ? new CompareOptions { AsOf = AsOf } : new CompareOptions();

        var asList = await _tenant.CompareAsync(lines, options, oneByOne: false);
        var oneByOne = await _tenant.CompareAsync(lines, options, oneByOne: true);

        Assert.Equal(PropertyText.Describe(asList.Differences), PropertyText.Describe(oneByOne.Differences));
        Assert.Equal(
            (asList.Summary.Differences, asList.Summary.Actionable, asList.Summary.MonthlyRevenueImpact, asList.Summary.MonthlyCostImpact, asList.Summary.OneTimeRevenueImpact, asList.Summary.AsOf),
            (oneByOne.Summary.Differences, oneByOne.Summary.Actionable, oneByOne.Summary.MonthlyRevenueImpact, oneByOne.Summary.MonthlyCostImpact, oneByOne.Summary.OneTimeRevenueImpact, oneByOne.Summary.AsOf));
        var fabrikam = Assert.Single(oneByOne.Differences, d => d.CustomerId == _fabrikam.CustomerId && d.Kind == DifferenceKind.QuantityChange);
        Assert.Equal(41m, fabrikam.VendorQuantity);
        Assert.Contains("f-39", fabrikam.SubscriptionIds, StringComparison.Ordinal);
    }

    [Fact]
    public void Groups_whose_lines_came_in_several_files_are_summed_again_from_the_temporary_file()
    {
        // 150 customer × SKU groups in each of three files: every group comes back twice, so each is summed at the end,
        // read back from a buffer that keeps one chunk in memory and the rest in its file.
        var lines = new List<Transaction>();
        for (var file = 0; file < 3; file++)
        {
            for (var group = 0; group < 150; group++)
            {
                for (var i = 0; i < 12; i++)
                {
                    var line = lines.Count + 2;
                    lines.Add(VendorLines.Seat(
                        Pax8, "cust-" + group.ToString(CultureInfo.InvariantCulture), "Customer " + group.ToString(CultureInfo.InvariantCulture), "SKU-" + (group % 4).ToString(CultureInfo.InvariantCulture),
                        1 + (i % 3), 7.20m, 6.00m, Guid.NewGuid().ToString(), line, Day(2026, 10, 1 + file)));
                }
            }
        }

        using var buffer = new Buffering.TransactionBuffer(chunksInMemory: 1);
        using var taken = new ComparisonLines(_tenant.Mapping(), new CompareOptions { AsOf = AsOf }, buffer);
        lines.ForEach(taken.Add);

        var input = taken.Input(AsOf);

        Assert.True(buffer.SpilledChunks > 3, $"{buffer.SpilledChunks} chunks spilled");
        Assert.Equal(0, taken.SummedEarly);
        Assert.Equal(PropertyText.Describe(TransactionSummarizer.Summarize(lines, AsOf)), PropertyText.Describe(input.Seats));
    }

    [Fact]
    public void Summaries_taken_in_come_first_as_they_are_and_the_mapping_filters_them_as_it_filters_lines()
    {
        var lines = Lines(interleaved: false);
        var summarised = new TransactionSummary
        {
            Source = _fabrikam.Source, CustomerId = _fabrikam.CustomerId, CustomerName = _fabrikam.Name, Sku = "BACKUP", ProductName = "Backup",
            Quantity = 2m, UnitPrice = 30.00m, Currency = "USD", BillingCycle = "Monthly", AsOf = AsOf,
        };
        var notExported = new TransactionSummary
        {
            Source = Pax8, CustomerId = "not-exported", CustomerName = "Not Exported", Sku = "BACKUP", ProductName = "Backup", Quantity = 5m, Currency = "USD", AsOf = AsOf,
        };
        _tenant.MapCustomer(new global::Autotask.Billing.Mapping.CustomerMapping(Pax8, "not-exported") { Export = false });
        var mapping = _tenant.Mapping();

        using var taken = new ComparisonLines(mapping, new CompareOptions());
        lines.ForEach(taken.Add);
        taken.Add(summarised);
        taken.Add(notExported);
        var input = taken.Input(taken.AsOf);
        var asList = ComparisonLines.Over(lines, new[] { summarised, notExported }, mapping, new CompareOptions()).Input(AsOf);

        Assert.Equal(AsOf, taken.AsOf); // the summaries' date
        Assert.Same(summarised, input.Seats[0]);
        Assert.DoesNotContain(notExported, input.Seats);
        Assert.Equal((1, 0), (input.SkippedNotExported, input.LinesBeforeSyncStart));
        Assert.Equal(PropertyText.Describe(asList.Seats), PropertyText.Describe(input.Seats));
        Assert.Throws<InvalidOperationException>(() => taken.Add(summarised)); // summed already
    }

    [Fact]
    public void Lines_cannot_be_added_to_lines_that_are_another_list()
    {
        var taken = ComparisonLines.Over(Lines(interleaved: false), Array.Empty<TransactionSummary>(), _tenant.Mapping(), new CompareOptions { AsOf = AsOf });

        Assert.Throws<InvalidOperationException>(() => taken.Add(_contoso.Seat("BACKUP", 1)));
    }

    /// <summary>
    /// Several subscriptions per SKU (one spelt in two cases), a mid-month change, a long group, a one-time charge and an
    /// unmapped customer; <paramref name="interleaved"/>: Contoso's Basic and Fabrikam's come back after other groups.
    /// </summary>
    private List<Transaction> Lines(bool interleaved)
    {
        var contosoBasic = new List<Transaction>
        {
            _contoso.Seat("CFQ7TTC0LH18", 5, 7.20m, 6.00m, subscription: "sub-A", line: 2),
            _contoso.Seat("CFQ7TTC0LH18", 7, 7.20m, 6.00m, subscription: "SUB-b", line: 3),
            VendorLines.Seat(_contoso.Source, _contoso.CustomerId, _contoso.Name, "CFQ7TTC0LH18", 9, 7.20m, 6.00m, "sub-B", line: 4, start: Day(2026, 10, 15), isProrated: true),
        };
        var fabrikam = Enumerable.Range(0, 41)
            .Select(i => _fabrikam.Seat("CFQ7TTC0LH18", 1, 7.20m, 6.00m, subscription: "f-" + i.ToString(CultureInfo.InvariantCulture), line: 100 + i))
            .ToList();
        var others = new List<Transaction>
        {
            _contoso.Seat("BACKUP", 3, 30.00m, 18.00m, line: 10),
            _contoso.OneTime("SETUP", 1, 50m, 40m, "INV-1-3"),
            VendorLines.Seat(Pax8, "unmapped-customer", "Northwind", "CFQ7TTC0LH18", 2, line: 40),
        };

        if (!interleaved)
        {
            return contosoBasic.Concat(others).Concat(fabrikam).ToList();
        }

        return contosoBasic.Take(2).Concat(fabrikam.Take(40)).Concat(others).Concat(contosoBasic.Skip(2)).Concat(fabrikam.Skip(40)).ToList();
    }

    private ComparisonLines Take(List<Transaction> lines, CompareOptions options)
    {
        var taken = new ComparisonLines(_tenant.Mapping(), options);
        lines.ForEach(taken.Add);
        return taken;
    }
}
