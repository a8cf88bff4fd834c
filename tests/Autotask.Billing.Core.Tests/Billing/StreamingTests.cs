using System.Text;

namespace Autotask.Billing.Tests.Billing;

public sealed class StreamingTests
{
    [Fact]
    public void A_200000_line_file_is_read_lazily_one_record_at_a_time()
    {
        using var files = new BillingTestFiles();
        var path = Path.Combine(files.Folder, "big.csv");
        using (var writer = new StreamWriter(path, false, new UTF8Encoding(false)))
        {
            writer.Write("TransactionId,CustomerId,Sku,ChargeType,Quantity,UnitPrice,Currency,ServiceStart,ServiceEnd\r\n");
            for (var i = 0; i < 200_000; i++)
            {
                writer.Write($"T{i},C{i % 500},SKU{i % 40},Recurring,{i % 7 + 1},4.5,USD,2024-05-01,2024-05-31\r\n");
            }
        }

        var reader = new BillingSourceReader(new BillingReadOptions { Window = BillingWindow.Unbounded });
        using var items = reader.ReadFile(path, CancellationToken.None).GetEnumerator();
        for (var i = 0; i < 5; i++)
        {
            Assert.True(items.MoveNext());
        }

        Assert.Equal(5, reader.Summaries[0].Read);
        Assert.Equal("T4", items.Current.Transaction!.TransactionId);

        var count = 5;
        while (items.MoveNext())
        {
            count++;
        }

        Assert.Equal(200_000, count);
        Assert.Equal(200_000, reader.Summaries[0].Emitted);
    }

    [Fact]
    public void Cancelling_stops_the_read()
    {
        using var files = new BillingTestFiles();
        var path = files.Write("lines.csv", "TransactionId,CustomerId,Sku,ChargeType,Quantity\r\nT1,C1,S,OneTime,1\r\nT2,C1,S,OneTime,1\r\n");
        using var cancellation = new CancellationTokenSource();
        var reader = new BillingSourceReader(new BillingReadOptions { Window = BillingWindow.Unbounded });
        using var items = reader.ReadFile(path, cancellation.Token).GetEnumerator();

        Assert.True(items.MoveNext());
        cancellation.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => items.MoveNext());
    }
}
