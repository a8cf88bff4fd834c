using System.Globalization;

namespace Autotask.Billing.Tests.Billing;

/// <summary>
/// The summarizer's output is money: these tests pin it to <see cref="TransactionSummarizerReference"/> (the frozen
/// copy of the rules as first written) over many random, deliberately awkward inputs, property by property, so a
/// faster implementation can never change one seat, price, date or provenance line.
/// </summary>
public sealed class TransactionSummarizerEquivalenceTests
{
    // Ids that differ only by case, including characters whose invariant upper case is ASCII (ſ → S) or that
    // OrdinalIgnoreCase and ToUpperInvariant might treat differently (ı, K Kelvin sign, final sigma, a surrogate pair).
    private static readonly string[] Sources = { "PartnerCenter", "partnercenter", "PARTNERCENTER", "Intermedia", "Pax8", "pax8" };
    private static readonly string[] CustomerIds =
    {
        "7c1f2a9e-2e8b-4ab5-8bed-d9f50dcca7a2", "7C1F2A9E-2E8B-4AB5-8BED-D9F50DCCA7A2", "A-77", "a-77", "ſ-9", "s-9", "S-9",
        "ı-3", "I-3", "i-3", "\u212A-5", "k-5", "K-5", "ς-2", "σ-2", "Σ-2", "\U00010428-1", "\U00010400-1", "Straße", "STRASSE",
    };

    private static readonly string[] Skus = { "CFQ7TTC0LH18:0001", "cfq7ttc0lh18:0001", "EXO", "exo", "ſku", "SKU", "ǅ-1", "Ǆ-1", "ǆ-1" };
    private static readonly string[] Subscriptions = { string.Empty, "S1", "s1", "S2", "alice", "ALICE", "bob", "ſub", "SUB", "ı", "I" };
    private static readonly string?[] References = { null, null, "r1", "R1", "r2", "ref-ſ", "REF-S", "ı", "I", "i" };
    private static readonly string[] Cycles = { "Monthly", "Monthly", "Annual", "1 Year", string.Empty, "Triennial" };
    private static readonly string[] Files = { "a.csv", "a.csv", "b.csv", "A.csv" };
    private static readonly System.Reflection.PropertyInfo KindProperty = typeof(Transaction).GetProperty(nameof(Transaction.Kind))!;

    public static TheoryData<int> Seeds()
    {
        var seeds = new TheoryData<int>();
        for (var seed = 1; seed <= 40; seed++)
        {
            seeds.Add(seed);
        }

        return seeds;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Small_varied_inputs_summarise_exactly_as_the_reference(int seed)
    {
        // Many small files per seed: small groups hit every rule's corner more often than a big file does.
        for (var round = 0; round < 25; round++)
        {
            var random = new Random(seed * 1_000 + round);
            var lines = Generate(random, random.Next(1, 120), customers: 1 + random.Next(4), skus: 1 + random.Next(3), repeatedLines: 1 + random.Next(4));
            AssertSameAsReference(lines, random, $"seed {seed} round {round}");
        }
    }

    [Theory]
    [InlineData(101)]
    [InlineData(202)]
    [InlineData(303)]
    [InlineData(404)]
    public void Large_varied_inputs_summarise_exactly_as_the_reference(int seed)
    {
        var random = new Random(seed);
        var lines = Generate(random, 6_000, customers: 60, skus: 9);
        AssertSameAsReference(lines, random, $"seed {seed}");
    }

    [Fact]
    public void Long_histories_of_one_subscription_summarise_exactly_as_the_reference()
    {
        // Hundreds of lines in one subscription (a generic file without subscription ids): the paths a handful of
        // lines never take, e.g. many events and many change-date candidates.
        for (var seed = 0; seed < 6; seed++)
        {
            var random = new Random(7_000 + seed);
            var lines = Generate(random, 400 + random.Next(400), customers: 1, skus: 1, subscriptions: 1 + random.Next(2));
            AssertSameAsReference(lines, random, $"long seed {seed}");
        }
    }

    [Fact]
    public void Events_tied_on_time_and_first_line_apply_in_the_order_they_first_appear()
    {
        // Event A's lines are lines 9 and 5 of the file, B's is line 5 too, all at one order time: A comes first in the
        // input, so A applies first and B's count (7) is in force.
        var lines = new[]
        {
            Tied("T0", reference: "A", sourceLine: 9, quantity: 3),
            Tied("T1", reference: "B", sourceLine: 5, quantity: 7),
            Tied("T2", reference: "A", sourceLine: 5, quantity: 4),
        };
        var asOf = new DateTime(2024, 5, 15, 0, 0, 0, DateTimeKind.Utc);

        Assert.Equal(7m, Assert.Single(TransactionSummarizer.Summarize(lines, asOf)).Quantity);
        AssertSameAsReference(lines, new Random(1), "tied events");
    }

    [Fact]
    public void A_price_line_tied_on_time_and_line_is_the_last_in_the_input()
    {
        // Two prorated lines a reader marked as full periods, at one order time and line number (two files): no event
        // sets a price, the fallback takes the last of the tied lines.
        var lines = new[]
        {
            Tied("T0", reference: null, sourceLine: 4, quantity: 2, file: "b.csv", price: 11m, fullPeriod: true),
            Tied("T1", reference: null, sourceLine: 4, quantity: 2, file: "a.csv", price: 12m, fullPeriod: true),
        };
        var asOf = new DateTime(2024, 5, 15, 0, 0, 0, DateTimeKind.Utc);

        Assert.Equal(12m, Assert.Single(TransactionSummarizer.Summarize(lines, asOf)).UnitPrice);
        AssertSameAsReference(lines, new Random(2), "tied price lines");
    }

    private static Transaction Tied(string id, string? reference, int sourceLine, decimal quantity, string file = "f.csv", decimal price = 10m, bool fullPeriod = false)
    {
        var line = new Transaction
        {
            Source = "PartnerCenter",
            TransactionId = id,
            CustomerId = "C1",
            CustomerName = "Contoso",
            Sku = "SKU",
            Quantity = quantity,
            UnitPrice = price,
            Currency = "USD",
            BillingCycle = "Monthly",
            ServiceStart = new DateTime(2024, 5, 1, 0, 0, 0, DateTimeKind.Utc),
            ServiceEnd = new DateTime(2024, 5, 31, 0, 0, 0, DateTimeKind.Utc),
            OrderDate = new DateTime(2024, 5, 1, 6, 0, 0, DateTimeKind.Utc),
            SubscriptionId = "S1",
            IsProrated = fullPeriod,
            ReferenceId = reference,
            SourceFile = file,
            SourceLine = sourceLine,
        };
        if (fullPeriod)
        {
            KindProperty.SetValue(line, ChargeKind.Recurring);
        }

        return line;
    }

    private static void AssertSameAsReference(IReadOnlyList<Transaction> lines, Random random, string label)
    {
        foreach (var asOf in AsOfDates(random))
        {
            var expected = TransactionSummarizerReference.Summarize(lines, asOf);
            var where = $"{label}, {lines.Count} lines, as of {asOf:yyyy-MM-dd}";
            AssertSame(expected, TransactionSummarizer.Summarize(lines, asOf), where);

            // Held compactly, as the cmdlets hold a file's lines: the same seats, read one group at a time.
            var buffer = new global::Autotask.Billing.Buffering.TransactionBuffer();
            foreach (var line in lines)
            {
                buffer.Add(line);
            }

            AssertSame(expected, TransactionSummarizer.Summarize(buffer, asOf), where + ", from a TransactionBuffer");
            // As a compare sums them: from a buffer naming its lines by position, and taken in one by one (groups summed as they go by).
            var everyLine = new global::Autotask.Billing.Mapping.MappingDocument(new global::Autotask.Billing.Mapping.BillingSettings(), Array.Empty<global::Autotask.Billing.Mapping.CustomerMapping>(), Array.Empty<global::Autotask.Billing.Mapping.ServiceMapping>());
            var options = new global::Autotask.Billing.Reconciliation.CompareOptions { AsOf = asOf };
            var compared = global::Autotask.Billing.Reconciliation.ComparisonLines.Over(buffer, Array.Empty<TransactionSummary>(), everyLine, options).Input(asOf).Seats;
            AssertSame(expected, compared, where + ", naming the buffer's lines by position");
            using var taken = new global::Autotask.Billing.Reconciliation.ComparisonLines(everyLine, options);
            foreach (var line in lines)
            {
                taken.Add(line);
            }

            AssertSame(expected, taken.Input(asOf).Seats, where + ", taken in one by one");
        }
    }

    private static void AssertSame(IReadOnlyList<TransactionSummary> expected, IReadOnlyList<TransactionSummary> actual, string where)
    {
        Assert.True(expected.Count == actual.Count, $"{where}: {actual.Count} summaries, expected {expected.Count}.");
        for (var i = 0; i < expected.Count; i++)
        {
            AssertSame(expected[i], actual[i], $"{where}, summary {i} ({expected[i]})");
        }
    }

    private static IEnumerable<DateTime> AsOfDates(Random random)
    {
        yield return new DateTime(2024, 3, 15, 0, 0, 0, DateTimeKind.Utc);
        yield return new DateTime(2023, 11, 30, 0, 0, 0, DateTimeKind.Utc);
        yield return new DateTime(2024, 9, 1, 0, 0, 0, DateTimeKind.Utc);
        // A time of day and no kind: the summarizer reads the calendar date only.
        yield return new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Unspecified).AddDays(random.Next(0, 200)).AddHours(random.Next(0, 24));
    }

    private static void AssertSame(TransactionSummary expected, TransactionSummary actual, string where)
    {
        Same(expected.Source, actual.Source, where, nameof(TransactionSummary.Source));
        Same(expected.CustomerId, actual.CustomerId, where, nameof(TransactionSummary.CustomerId));
        Same(expected.CustomerName, actual.CustomerName, where, nameof(TransactionSummary.CustomerName));
        Same(expected.CustomerDomain, actual.CustomerDomain, where, nameof(TransactionSummary.CustomerDomain));
        Same(expected.CustomerPhone, actual.CustomerPhone, where, nameof(TransactionSummary.CustomerPhone));
        Same(expected.CustomerAddress, actual.CustomerAddress, where, nameof(TransactionSummary.CustomerAddress));
        Same(expected.CustomerCity, actual.CustomerCity, where, nameof(TransactionSummary.CustomerCity));
        Same(expected.CustomerState, actual.CustomerState, where, nameof(TransactionSummary.CustomerState));
        Same(expected.CustomerPostalCode, actual.CustomerPostalCode, where, nameof(TransactionSummary.CustomerPostalCode));
        Same(expected.Sku, actual.Sku, where, nameof(TransactionSummary.Sku));
        Same(expected.ProductName, actual.ProductName, where, nameof(TransactionSummary.ProductName));
        Same(Money(expected.Quantity), Money(actual.Quantity), where, nameof(TransactionSummary.Quantity));
        Same(Money(expected.UnitPrice), Money(actual.UnitPrice), where, nameof(TransactionSummary.UnitPrice));
        Same(Money(expected.UnitCost), Money(actual.UnitCost), where, nameof(TransactionSummary.UnitCost));
        Same(Money(expected.ListUnitPrice), Money(actual.ListUnitPrice), where, nameof(TransactionSummary.ListUnitPrice));
        Same(Date(expected.PriceDate), Date(actual.PriceDate), where, nameof(TransactionSummary.PriceDate));
        Same(expected.Currency, actual.Currency, where, nameof(TransactionSummary.Currency));
        Same(expected.BillingCycle, actual.BillingCycle, where, nameof(TransactionSummary.BillingCycle));
        Same(expected.IsTrial.ToString(), actual.IsTrial.ToString(), where, nameof(TransactionSummary.IsTrial));
        Same(Date(expected.ChangeDate), Date(actual.ChangeDate), where, nameof(TransactionSummary.ChangeDate));
        Same(Date(expected.ServiceStart), Date(actual.ServiceStart), where, nameof(TransactionSummary.ServiceStart));
        Same(Date(expected.ServiceEnd), Date(actual.ServiceEnd), where, nameof(TransactionSummary.ServiceEnd));
        Same(Date(expected.SubscriptionStart), Date(actual.SubscriptionStart), where, nameof(TransactionSummary.SubscriptionStart));
        Same(string.Join("|", expected.SubscriptionIds), string.Join("|", actual.SubscriptionIds), where, nameof(TransactionSummary.SubscriptionIds));
        Same(Provenance(expected), Provenance(actual), where, nameof(TransactionSummary.Provenance));
        Same(Date(expected.AsOf), Date(actual.AsOf), where, nameof(TransactionSummary.AsOf));
    }

    private static void Same(string? expected, string? actual, string where, string property)
    {
        if (!string.Equals(expected, actual, StringComparison.Ordinal))
        {
            Assert.Fail($"{where}: {property} is '{actual}', the reference gives '{expected}'.");
        }
    }

    // Scale is part of a decimal's value as shown (1.0 vs 1): compare the exact text.
    private static string? Money(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    // Kind too: the oracle's tie-breaks decide which line's DateTime (and Kind) is kept.
    private static string? Date(DateTime? value) => value is DateTime date ? date.ToString("o", CultureInfo.InvariantCulture) + " " + date.Kind : null;

    private static string Provenance(TransactionSummary summary) =>
        string.Join("|", summary.Provenance.Select(p => $"{p.TransactionId}@{p.SourceFile}:{p.SourceLine}"));

    /// <summary>
    /// Lines shaped like the vendors': monthly and annual full periods, prorated legs, two-leg changes (reversal plus
    /// new count, shared ReferenceIds), cancellations, Intermedia added/removed items, trials, several subscriptions
    /// per SKU, lines before and after the as-of dates, missing dates, repeated order times and file lines (one in
    /// <paramref name="repeatedLines"/> lines has line number 1, 2 or 3).
    /// </summary>
    private static List<Transaction> Generate(Random random, int count, int customers, int skus, int? subscriptions = null, int repeatedLines = 4)
    {
        var groups = Enumerable.Range(0, customers * skus)
            .Select(_ => (Customer: random.Next(CustomerIds.Length), Sku: random.Next(Skus.Length), Source: random.Next(Sources.Length)))
            .ToList();
        var lines = new List<Transaction>(count);
        for (var i = 0; i < count; i++)
        {
            var group = groups[random.Next(groups.Count)];
            // Mostly the group's own spelling, sometimes a case variant (the same key to the summarizer).
            var source = random.Next(4) == 0 ? Sources[random.Next(Sources.Length)] : Sources[group.Source];
            var customer = random.Next(5) == 0 ? CustomerIds[random.Next(CustomerIds.Length)] : CustomerIds[group.Customer];
            var sku = random.Next(5) == 0 ? Skus[random.Next(Skus.Length)] : Skus[group.Sku];
            var subscription = subscriptions is int fixedCount
                ? Subscriptions[random.Next(fixedCount)]
                : Subscriptions[random.Next(Subscriptions.Length)];
            var cycle = Cycles[random.Next(Cycles.Length)];
            var month = random.Next(-3, 10);
            var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(month);
            var end = start.AddMonths(MonthsOf(cycle)).AddDays(-1);
            var prorated = random.Next(5) == 0;
            if (prorated)
            {
                start = start.AddDays(random.Next(1, 27));
            }

            if (random.Next(40) == 0)
            {
                start = DateTime.SpecifyKind(start, DateTimeKind.Unspecified);
            }

            var change = random.Next(12) switch { 0 => QuantityChange.Added, 1 => QuantityChange.Removed, _ => QuantityChange.None };
            // Few distinct order times, files and line numbers: ties are where the order rules differ.
            var orderDate = random.Next(6) switch
            {
                0 => (DateTime?)null,
                1 or 2 => start.AddHours(6),
                _ => start.AddHours(random.Next(0, 3) * 6),
            };
            var file = Files[random.Next(Files.Length)];
            var price = random.Next(6) == 0 ? (decimal?)null : 10m + random.Next(0, 30) + (random.Next(3) == 0 ? 0.125m : 0m);
            var line = new Transaction
            {
                Source = source,
                TransactionId = $"T{i}",
                CustomerId = customer,
                CustomerName = random.Next(3) == 0 ? "Contoso Ltd" : random.Next(2) == 0 ? "CONTOSO LTD" : "contoso " + random.Next(3),
                CustomerDomain = random.Next(3) == 0 ? null : "contoso" + random.Next(3) + ".example",
                CustomerPhone = random.Next(4) switch { 0 => null, 1 => "  ", _ => "555-010" + random.Next(10) },
                CustomerAddress = random.Next(4) == 0 ? "1 Main St " + random.Next(3) : null,
                CustomerCity = random.Next(5) == 0 ? "Springfield" + random.Next(2) : random.Next(6) == 0 ? " " : null,
                CustomerState = random.Next(6) == 0 ? "IL" : null,
                CustomerPostalCode = random.Next(6) == 0 ? "6270" + random.Next(10) : null,
                Sku = sku,
                ProductName = "Product " + random.Next(3),
                ChargeType = random.Next(15) switch { 0 => ChargeType.OneTime, 1 => ChargeType.Usage, _ => ChargeType.Recurring },
                Quantity = change != QuantityChange.None && random.Next(2) == 0
                    ? -random.Next(1, 5)
                    : random.Next(0, 25) + (random.Next(8) == 0 ? 0.50m : 0m),
                UnitPrice = price,
                UnitCost = price - 2m,
                ListUnitPrice = random.Next(3) == 0 ? null : price + 1m,
                Currency = random.Next(10) == 0 ? "EUR" : "USD",
                BillingCycle = cycle,
                ServiceStart = random.Next(30) == 0 ? null : start,
                ServiceEnd = random.Next(30) == 0 ? null : end,
                OrderDate = orderDate,
                SubscriptionId = subscription,
                SubscriptionStart = random.Next(3) == 0 ? null : start.AddMonths(-random.Next(0, 6)),
                IsProrated = prorated,
                QuantityChange = change,
                IsReversal = random.Next(7) == 0,
                IsTrial = random.Next(15) == 0,
                ReferenceId = References[random.Next(References.Length)],
                SourceFile = file,
                // Repeated line numbers: two files, or a test's synthetic lines, can share one.
                SourceLine = random.Next(repeatedLines) == 0 ? random.Next(1, 4) : i + 2,
            };
            // A reader may set Kind against the other fields (a prorated line it knows is a full period, and back).
            if (random.Next(8) == 0)
            {
                KindProperty.SetValue(line, random.Next(2) == 0 ? ChargeKind.Recurring : ChargeKind.ProratedAdjustment);
            }

            lines.Add(line);
        }

        return lines;
    }

    private static int MonthsOf(string cycle) => BillingCycles.MonthsOf(cycle);
}
