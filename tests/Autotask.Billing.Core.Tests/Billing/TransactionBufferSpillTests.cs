using System.Globalization;
using System.Reflection;
using Autotask.Billing.Buffering;

namespace Autotask.Billing.Tests.Billing;

/// <summary>
/// A large <see cref="TransactionBuffer"/> moves its full chunks to a temporary file (issue 15): every line must read
/// back equal from the file, in any order and by Drain, the file must leave no name behind, and where no file can be
/// written the lines must stay in memory rather than be lost.
/// </summary>
public sealed class TransactionBufferSpillTests : IDisposable
{
    private static readonly PropertyInfo[] Readable = typeof(Transaction).GetProperties(BindingFlags.Public | BindingFlags.Instance);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "atb-spill-" + Guid.NewGuid().ToString("N"));

    public TransactionBufferSpillTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Lines_spilled_to_the_file_read_back_equal_in_any_order()
    {
        var lines = Lines(5_000);
        using var buffer = new TransactionBuffer(chunksInMemory: 1, _folder);
        lines.ForEach(buffer.Add);

        Assert.True(buffer.SpilledChunks >= 5, $"{buffer.SpilledChunks} chunks spilled");
        var random = new Random(15);
        foreach (var index in Enumerable.Range(0, lines.Count).OrderBy(_ => random.Next()))
        {
            AssertSame(lines[index], buffer[index]);
            Assert.Equal(lines[index].SubscriptionId, buffer.SubscriptionIdAt(index));
        }
    }

    [Fact]
    public void Drain_reads_the_spilled_lines_in_order_and_lets_the_file_go()
    {
        var lines = Lines(3_000);
        var buffer = new TransactionBuffer(chunksInMemory: 2, _folder);
        lines.ForEach(buffer.Add);
        Assert.True(buffer.SpilledChunks > 0);

        var drained = buffer.Drain().ToList();

        Assert.Equal(lines.Count, drained.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            AssertSame(lines[i], drained[i]);
        }

        Assert.Equal((0, 0), (buffer.Count, buffer.SpilledChunks));
    }

    [Fact]
    public void The_file_has_no_name_while_it_is_used()
    {
        using var buffer = new TransactionBuffer(chunksInMemory: 1, _folder);
        Lines(2_000).ForEach(buffer.Add);

        Assert.True(buffer.SpilledChunks > 0);
        if (OperatingSystem.IsWindows())
        {
            // Windows deletes it when its handle closes (delete-on-close).
            Assert.Single(Directory.GetFiles(_folder));
            buffer.Dispose();
        }

        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Fact]
    public void Where_no_file_can_be_written_the_lines_stay_in_memory()
    {
        var lines = Lines(2_000);
        using var buffer = new TransactionBuffer(chunksInMemory: 1, Path.Combine(_folder, "no-such-folder"));
        lines.ForEach(buffer.Add);

        Assert.Equal(0, buffer.SpilledChunks);
        for (var i = 0; i < lines.Count; i++)
        {
            AssertSame(lines[i], buffer[i]);
        }
    }

    [Fact]
    public void A_small_buffer_never_touches_the_disk()
    {
        using var buffer = new TransactionBuffer();
        Lines(2_000).ForEach(buffer.Add);

        Assert.Equal(0, buffer.SpilledChunks);
    }

    /// <summary>Partner Center–like seats: GUID transaction and subscription ids, texts that repeat, prices with cents.</summary>
    private static List<Transaction> Lines(int count) =>
        Enumerable.Range(0, count)
            .Select(i =>
            {
                var customer = "cust-" + (i / 40).ToString(CultureInfo.InvariantCulture);
                return new Transaction
                {
                    Source = "PartnerCenter",
                    TransactionId = Guid.NewGuid().ToString(),
                    CustomerId = customer,
                    CustomerName = "Customer " + customer,
                    Sku = "SKU-" + (i % 7).ToString(CultureInfo.InvariantCulture),
                    ProductName = "Product " + (i % 7).ToString(CultureInfo.InvariantCulture),
                    Description = i % 3 == 0 ? string.Empty : "Seat line " + i.ToString(CultureInfo.InvariantCulture),
                    ChargeType = ChargeType.Recurring,
                    Quantity = i % 13,
                    UnitPrice = 7.20m + (i % 5),
                    UnitCost = i % 4 == 0 ? null : 6.00m,
                    Currency = "USD",
                    ServiceStart = new DateTime(2026, 10, 1 + (i % 28), 0, 0, 0, DateTimeKind.Utc),
                    ServiceEnd = new DateTime(2026, 10, 31, 0, 0, 0, DateTimeKind.Utc),
                    SubscriptionId = Guid.NewGuid().ToString(),
                    BillingCycle = "Monthly",
                    SourceFile = "october.csv",
                    SourceLine = i + 2,
                };
            })
            .ToList();

    private static void AssertSame(Transaction expected, Transaction actual)
    {
        foreach (var property in Readable)
        {
            Assert.True(Equals(property.GetValue(expected), property.GetValue(actual)), $"{property.Name}: {property.GetValue(expected)} ≠ {property.GetValue(actual)} (line {expected.SourceLine})");
        }
    }
}
