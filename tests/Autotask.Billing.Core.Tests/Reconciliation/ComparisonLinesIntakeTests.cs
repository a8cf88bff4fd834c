using System.Globalization;
using Autotask.Billing.Reconciliation;
using static Autotask.Billing.Tests.Reconciliation.CompareTenant;
using CompareOptions = Autotask.Billing.Reconciliation.CompareOptions;

namespace Autotask.Billing.Tests.Reconciliation;

/// <summary>
/// Compare-AtContract hands its lines to a worker thread (<see cref="ComparisonLinesIntake"/>) while it binds the next:
/// the lines taken in must be exactly those taken in one by one on one thread, in order, whatever the batches; a
/// failure on the worker reaches the caller as it was; a stop never leaves a thread waiting.
/// </summary>
public sealed class ComparisonLinesIntakeTests : IDisposable
{
    private readonly CompareTenant _tenant = new();
    private readonly TenantCustomer _contoso;
    private readonly TenantCustomer _fabrikam;

    public ComparisonLinesIntakeTests()
    {
        var basic = _tenant.AddService("CFQ7TTC0LH18", "Microsoft 365 Business Basic", 7.20m, 6.00m);
        _contoso = _tenant.AddCustomer("Contoso Dental");
        _fabrikam = _tenant.AddCustomer("Fabrikam Logistics");
        _tenant.AddUnits(_contoso, basic, 10);
        _tenant.AddUnits(_fabrikam, basic, 4);
    }

    public void Dispose() => _tenant.Dispose();

    [Fact]
    public void Lines_taken_in_on_the_worker_are_those_taken_in_one_by_one()
    {
        // Over many batches, with groups that come back after others (summed again at the end) and a summary among them.
        var lines = Enumerable.Range(0, 3_000)
            .Select(i => (i % 3 == 0 ? _fabrikam : _contoso).Seat(i % 7 == 0 ? "BACKUP" : "CFQ7TTC0LH18", 1 + (i % 4), 7.20m, 6.00m, subscription: "s-" + (i % 11).ToString(CultureInfo.InvariantCulture), line: 2 + i))
            .Append(_contoso.OneTime("SETUP", 1, 50m, 40m, "INV-1-3"))
            .Append(VendorLines.Seat(Pax8, "unmapped-customer", "Northwind", "CFQ7TTC0LH18", 2, line: 9_000))
            .ToList();
        var summary = TransactionSummarizer.Summarize(new[] { _fabrikam.Seat("EXTRA", 3, line: 9_001) }, AsOf).Single();
        var options = new CompareOptions { AsOf = AsOf };

        using var direct = new ComparisonLines(_tenant.Mapping(), options);
        using var viaWorker = new ComparisonLines(_tenant.Mapping(), options);
        using (var intake = new ComparisonLinesIntake(viaWorker))
        {
            for (var i = 0; i < lines.Count; i++)
            {
                direct.Add(lines[i]);
                intake.Add(lines[i]);
                if (i == 1_500)
                {
                    direct.Add(summary);
                    intake.Add(summary);
                }
            }

            Assert.Same(viaWorker, intake.Complete());
            Assert.True(intake.NeedsAllCompanies);
        }

        Assert.Equal((direct.LineCount, direct.SummaryCount), (viaWorker.LineCount, viaWorker.SummaryCount));
        var expected = direct.Input(AsOf);
        var actual = viaWorker.Input(AsOf);
        Assert.Equal(PropertyText.Describe(expected.Seats), PropertyText.Describe(actual.Seats));
        Assert.Equal(PropertyText.Describe(expected.Charges), PropertyText.Describe(actual.Charges));
        Assert.Equal(direct.SummedEarly, viaWorker.SummedEarly);
    }

    [Fact]
    public void Lines_of_mapped_customers_only_do_not_ask_for_every_company()
    {
        using var lines = new ComparisonLines(_tenant.Mapping(), new CompareOptions { AsOf = AsOf });
        using var intake = new ComparisonLinesIntake(lines);
        intake.Add(_contoso.Seat("CFQ7TTC0LH18", 10, 7.20m, 6.00m));

        intake.Complete();

        Assert.False(intake.NeedsAllCompanies);
    }

    [Fact]
    public void A_failure_on_the_worker_is_thrown_as_it_was_and_no_line_is_added_after_it()
    {
        var lines = new ComparisonLines(_tenant.Mapping(), new CompareOptions { AsOf = AsOf });
        lines.Dispose();
        using var intake = new ComparisonLinesIntake(lines);

        // However many lines come after (more than the batches in flight), the caller is never left waiting for room.
        var failure = Record.Exception(() =>
        {
            for (var i = 0; i < 20_000; i++)
            {
                intake.Add(_contoso.Seat("CFQ7TTC0LH18", 1, line: 2 + i));
            }

            intake.Complete();
        });

        Assert.IsType<ObjectDisposedException>(failure);
        Assert.Throws<ObjectDisposedException>(() => intake.Complete());
    }

    [Fact]
    public async Task A_stop_before_the_end_lets_the_worker_go_and_takes_no_more_lines()
    {
        using var lines = new ComparisonLines(_tenant.Mapping(), new CompareOptions { AsOf = AsOf });
        var intake = new ComparisonLinesIntake(lines);
        for (var i = 0; i < 5_000; i++)
        {
            intake.Add(_contoso.Seat("CFQ7TTC0LH18", 1, line: 2 + i));
        }

        // Dispose should not wait for the lines it drops: a stop that hangs fails here (TimeoutException).
        await Task.Run(intake.Dispose).WaitAsync(TimeSpan.FromSeconds(30));
        var after = lines.LineCount;
        await Task.Delay(50);
        Assert.Equal(after, lines.LineCount);
    }

    [Fact]
    public void Lines_cannot_be_handed_over_once_complete()
    {
        using var lines = new ComparisonLines(_tenant.Mapping(), new CompareOptions { AsOf = AsOf });
        using var intake = new ComparisonLinesIntake(lines);
        intake.Add(_contoso.Seat("CFQ7TTC0LH18", 1));
        intake.Complete();

        Assert.Throws<InvalidOperationException>(() => intake.Add(_contoso.Seat("CFQ7TTC0LH18", 2, line: 3)));
        Assert.Equal(1, lines.LineCount);
    }
}
