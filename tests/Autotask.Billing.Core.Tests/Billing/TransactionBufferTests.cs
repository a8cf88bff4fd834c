using System.Globalization;
using System.Reflection;
using Autotask.Billing.Buffering;

namespace Autotask.Billing.Tests.Billing;

/// <summary>
/// <see cref="TransactionBuffer"/> holds lines compactly (issue 15); a held line must read back equal in every
/// property, or a compare would see other money than the file has. The random lines are built by reflection over
/// every settable property, so a property added to Transaction and not kept by the buffer fails here.
/// </summary>
public sealed class TransactionBufferTests
{
    private static readonly PropertyInfo[] Settable = typeof(Transaction).GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.SetMethod is not null).ToArray();

    private static readonly PropertyInfo[] Readable = typeof(Transaction).GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.GetMethod is not null).ToArray();

    private static readonly string?[] Texts =
    {
        null, string.Empty, " ", "CFQ7TTC0LH18:0001", "Microsoft 365 Business Basic", "Straße", "ı", "\U00010428", "\uD800x",
        "7c1f2a9e-2e8b-4ab5-8bed-d9f50dcca7a2", "line\nbreak", new string('x', 70_000), "€", "\0",
    };

    [Fact]
    public void Random_lines_read_back_equal_in_every_property()
    {
        var random = new Random(15);
        var lines = Enumerable.Range(0, 5_000).Select(_ => RandomLine(random)).ToList();
        var buffer = new TransactionBuffer();
        lines.ForEach(buffer.Add);

        Assert.Equal(lines.Count, buffer.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            AssertSame(lines[i], buffer[i], $"line {i}");
        }

        // Enumeration and a second read give the same lines again.
        var index = 0;
        foreach (var line in buffer)
        {
            AssertSame(lines[index], line, $"enumerated line {index}");
            index++;
        }

        Assert.Equal(lines.Count, index);
    }

    [Fact]
    public void Ids_of_any_shape_read_back_exactly_whole_and_alone()
    {
        // Lower-case hex with a few other chars is packed two digits a byte; anything else is kept as it is.
        var random = new Random(1515);
        const string alphabet = "0123456789abcdef0123456789abcdef-ABCDEFpcx_:/ ";
        var shaped = new[] { "7c1f2a9e-2e8b-4ab5-8bed-d9f50dcca7a2", "7C1F2A9E-2E8B-4AB5-8BED-D9F50DCCA7A2", "pc-e399365c033965b06ab6cdb4", "00000001-0001-4aa0-da80-000000000000-0", "a", "ab", "abc", "-", "--------", string.Empty };
        var buffer = new TransactionBuffer();
        var lines = new List<Transaction>();
        for (var i = 0; i < 20_000; i++)
        {
            string Id() => random.Next(5) == 0
                ? shaped[random.Next(shaped.Length)]
                : new string(Enumerable.Range(0, random.Next(0, i % 50 == 0 ? 400 : 60)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var line = new Transaction { TransactionId = Id(), SubscriptionId = Id(), ReferenceId = random.Next(4) == 0 ? null : Id(), Quantity = i };
            lines.Add(line);
            buffer.Add(line);
        }

        for (var i = 0; i < lines.Count; i++)
        {
            AssertSame(lines[i], buffer[i], $"line {i}");
            Assert.Equal(lines[i].SubscriptionId, buffer.SubscriptionIdAt(i));
        }
    }

    [Fact]
    public void Extreme_values_read_back_exactly()
    {
        var values = new[] { decimal.MaxValue, decimal.MinValue, 0m, 0.00m, -0.00m, 1m / 3m, 0.0000000000000000000000000001m, -12.3400m, 4294967296m, 18446744073709551616m };
        var dates = new[]
        {
            DateTime.MinValue, DateTime.MaxValue, new DateTime(2026, 10, 31, 0, 0, 0, DateTimeKind.Utc),
            new DateTime(2026, 10, 31, 23, 59, 59, 999, DateTimeKind.Local).AddTicks(9), new DateTime(2026, 2, 1, 0, 0, 0, DateTimeKind.Unspecified),
        };
        var buffer = new TransactionBuffer();
        var lines = new List<Transaction>();
        foreach (var value in values)
        {
            foreach (var date in dates)
            {
                var line = new Transaction
                {
                    TransactionId = "id-" + lines.Count,
                    Quantity = value,
                    UnitPrice = value,
                    UnitCost = -value,
                    ListUnitPrice = value,
                    Amount = value,
                    ExchangeRate = value,
                    ServiceStart = date,
                    ServiceEnd = date,
                    OrderDate = date,
                    SubscriptionStart = date,
                    SourceLine = int.MaxValue - lines.Count,
                    Kind = ChargeKind.Recurring, // derived, the kind would add months to DateTime.MaxValue
                };
                lines.Add(line);
                buffer.Add(line);
            }
        }

        for (var i = 0; i < lines.Count; i++)
        {
            AssertSame(lines[i], buffer[i], $"line {i}");
            Assert.Equal(lines[i].Amount!.Value.ToString(CultureInfo.InvariantCulture), buffer[i].Amount!.Value.ToString(CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void A_derived_kind_stays_derived_and_a_set_kind_stays_set()
    {
        var buffer = new TransactionBuffer();
        buffer.Add(new Transaction { ChargeType = ChargeType.OneTime, Amount = -5m });
        buffer.Add(new Transaction { ChargeType = ChargeType.OneTime, Amount = -5m, Kind = ChargeKind.OneTime });

        Assert.Equal(ChargeKind.Refund, buffer[0].Kind);
        Assert.Null(buffer[0].ExplicitKind);
        Assert.Equal(ChargeKind.OneTime, buffer[1].Kind);
        Assert.Equal(ChargeKind.OneTime, buffer[1].ExplicitKind);
    }

    [Theory]
    [InlineData("microsoft-pc-api-onetime-billed-lineitems.example.json")]
    [InlineData("microsoft-pc-api-onetime-unbilled-lineitems.example.json")]
    [InlineData("microsoft-pc-api-dailyrated-billed-lineitems.example.json")]
    [InlineData("microsoft-pc-api-dailyrated-unbilled-lineitems.example.json")]
    public void Lines_the_readers_make_from_vendor_samples_read_back_equal(string sample)
    {
        var (lines, _, _) = BillingTestFiles.ReadAll(null, BillingTestFiles.Sample(sample));
        Assert.NotEmpty(lines);
        var buffer = new TransactionBuffer();
        lines.ForEach(buffer.Add);
        for (var i = 0; i < lines.Count; i++)
        {
            AssertSame(lines[i], buffer[i], $"{sample} line {i}");
        }
    }

    [Fact]
    public void Drain_hands_out_every_line_in_order_and_leaves_the_buffer_empty()
    {
        var random = new Random(7);
        var lines = Enumerable.Range(0, 3_000).Select(_ => RandomLine(random)).ToList();
        var buffer = new TransactionBuffer();
        lines.ForEach(buffer.Add);

        var drained = buffer.Drain().ToList();

        Assert.Equal(lines.Count, drained.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            AssertSame(lines[i], drained[i], $"drained line {i}");
        }

        Assert.Empty(buffer);
        buffer.Add(lines[5]);
        AssertSame(lines[5], Assert.Single(buffer), "line added after the drain");
    }

    [Fact]
    public void Seats_that_name_lines_by_position_refuse_to_read_a_cleared_buffer()
    {
        var buffer = new TransactionBuffer();
        buffer.Add(new Transaction { TransactionId = "t1", SubscriptionId = "s1", Sku = "A", CustomerId = "C", Quantity = 3, ChargeType = ChargeType.Recurring });
        var everyLine = new global::Autotask.Billing.Mapping.MappingDocument(new global::Autotask.Billing.Mapping.BillingSettings(), Array.Empty<global::Autotask.Billing.Mapping.CustomerMapping>(), Array.Empty<global::Autotask.Billing.Mapping.ServiceMapping>());
        var asOf = new DateTime(2026, 10, 31, 0, 0, 0, DateTimeKind.Utc);
        var seat = Assert.Single(global::Autotask.Billing.Reconciliation.ComparisonLines.Over(buffer, Array.Empty<TransactionSummary>(), everyLine, new() { AsOf = asOf }).Input(asOf).Seats);
        Assert.Equal("t1", Assert.Single(seat.Provenance).TransactionId);

        buffer.Clear();
        buffer.Add(new Transaction { TransactionId = "other", SubscriptionId = "s2", Sku = "A", CustomerId = "C", Quantity = 9, ChargeType = ChargeType.Recurring });

        Assert.Throws<InvalidOperationException>(() => seat.Provenance[0]);
        Assert.Throws<InvalidOperationException>(() => seat.SubscriptionIds.ToList());
    }

    [Fact]
    public void A_drain_stopped_early_still_empties_the_buffer()
    {
        var buffer = new TransactionBuffer();
        for (var i = 0; i < 100; i++)
        {
            buffer.Add(new Transaction { TransactionId = "t" + i, Quantity = i });
        }

        Assert.Equal(3, buffer.Drain().Take(3).Count());
        Assert.Empty(buffer);
    }

    [Fact]
    public void Every_settable_property_is_set_by_the_random_lines()
    {
        // The round trip above proves the buffer keeps what RandomLine sets; this proves RandomLine sets everything.
        var random = new Random(3);
        var lines = Enumerable.Range(0, 400).Select(_ => RandomLine(random)).ToList();
        var empty = new Transaction();
        foreach (var property in Settable)
        {
            Assert.Contains(lines, line => !Equals(property.GetValue(line), property.GetValue(empty)));
        }
    }

    private static Transaction RandomLine(Random random)
    {
        var line = new Transaction();
        foreach (var property in Settable)
        {
            var value = RandomValue(random, property);
            if (value is not Skip)
            {
                property.SetValue(line, value);
            }
        }

        return line;
    }

    private static object? RandomValue(Random random, PropertyInfo property)
    {
        var type = property.PropertyType;
        var optional = Nullable.GetUnderlyingType(type);
        if (optional is not null && random.Next(3) == 0)
        {
            return null;
        }

        var plain = optional ?? type;
        if (property.Name == nameof(Transaction.Kind) && random.Next(2) == 0)
        {
            return Skip.Value;
        }

        if (plain == typeof(string))
        {
            return random.Next(4) == 0 ? Texts[random.Next(Texts.Length)] : "t" + random.Next(50);
        }

        if (plain == typeof(decimal))
        {
            return new decimal(random.Next(), random.Next(3) == 0 ? random.Next() : 0, random.Next(4) == 0 ? random.Next() : 0, random.Next(2) == 0, (byte)random.Next(29));
        }

        if (plain == typeof(DateTime))
        {
            var ticks = random.Next(2) == 0
                ? new DateTime(2020, 1, 1).AddDays(random.Next(3_000)).Ticks
                : (long)(random.NextDouble() * DateTime.MaxValue.Ticks);
            return new DateTime(ticks, (DateTimeKind)random.Next(3));
        }

        if (plain == typeof(bool))
        {
            return random.Next(2) == 0;
        }

        if (plain == typeof(int))
        {
            return random.Next(4) == 0 ? int.MaxValue - random.Next(10) : random.Next(1_000_000);
        }

        if (plain.IsEnum)
        {
            var values = Enum.GetValues(plain);
            return values.GetValue(random.Next(values.Length));
        }

        throw new InvalidOperationException($"Transaction.{property.Name} is a {type}: teach TransactionBufferTests (and TransactionCodec) to keep it.");
    }

    private static void AssertSame(Transaction expected, Transaction actual, string where)
    {
        foreach (var property in Readable)
        {
            var want = property.GetValue(expected);
            var got = property.GetValue(actual);
            switch (want)
            {
                case decimal number:
                    Assert.True(got is decimal other && decimal.GetBits(number).SequenceEqual(decimal.GetBits(other)), $"{where}: {property.Name} {number} read back as {got}");
                    break;
                case DateTime date:
                    Assert.True(got is DateTime back && back.Ticks == date.Ticks && back.Kind == date.Kind, $"{where}: {property.Name} {date:o} ({date.Kind}) read back as {got}");
                    break;
                default:
                    Assert.True(Equals(want, got), $"{where}: {property.Name} '{want}' read back as '{got}'");
                    break;
            }
        }

        Assert.Equal(expected.ExplicitKind, actual.ExplicitKind);
    }

    private sealed class Skip
    {
        public static readonly Skip Value = new();
    }
}
