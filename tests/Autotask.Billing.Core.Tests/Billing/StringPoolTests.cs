using System.Text;
using Autotask.Billing.Tabular;

namespace Autotask.Billing.Tests.Billing;

/// <summary>Lines of one reader share their repeated text values (issue 15); the values themselves never change.</summary>
public sealed class StringPoolTests
{
    [Fact]
    public void Repeated_text_of_partner_center_lines_is_one_instance_and_the_line_id_is_not_shared()
    {
        using var files = new BillingTestFiles();
        var csv = new PartnerCenterCsv();
        csv.Row();
        csv.Row("OrderId=order-2", "Quantity=7", "BillableQuantity=7");
        csv.Row("OrderId=order-3", "Quantity=9", "BillableQuantity=9", "CustomerName=  Contoso Ltd  ");
        var path = files.Write("recon.csv", csv.ToString());

        var (lines, problems, _) = BillingTestFiles.ReadAll(null, path);

        Assert.Empty(problems);
        Assert.Equal(3, lines.Count);
        var first = lines[0];
        foreach (var line in lines.Skip(1))
        {
            Assert.Same(first.CustomerId, line.CustomerId);
            Assert.Same(first.Sku, line.Sku);
            Assert.Same(first.ProductName, line.ProductName);
            Assert.Same(first.Description, line.Description);
            Assert.Same(first.Category, line.Category);
            Assert.Same(first.Currency, line.Currency);
            Assert.Same(first.SubscriptionId, line.SubscriptionId);
            Assert.Same(first.BillingCycle, line.BillingCycle);
            Assert.Same(first.SourceFile, line.SourceFile);
            Assert.NotEqual(first.TransactionId, line.TransactionId);
        }

        // Trimming is as before: the padded name reads as the plain one and then is the same instance.
        Assert.Equal(first.CustomerName, lines[2].CustomerName);
        Assert.Same(first.CustomerName, lines[2].CustomerName);
    }

    [Fact]
    public void Generic_lines_share_customer_and_address_fields_across_files_of_one_reader()
    {
        using var files = new BillingTestFiles();
        const string header = "TransactionId,CustomerId,CustomerName,CustomerCity,Sku,ChargeType,Quantity,Currency,ServiceStart,ServiceEnd";
        var one = files.Write("one.csv", header + "\r\nT1,C1,Fabrikam,Leeds,S1,OneTime,1,usd,2024-05-01,2024-05-31\r\n");
        var two = files.Write("two.csv", header + "\r\nT2,C1,Fabrikam,Leeds,S1,OneTime,2,usd,2024-05-01,2024-05-31\r\n");

        var (lines, _, _) = BillingTestFiles.ReadAll(null, one, two);

        Assert.Equal(2, lines.Count);
        Assert.Same(lines[0].CustomerName, lines[1].CustomerName);
        Assert.Same(lines[0].CustomerCity, lines[1].CustomerCity);
        Assert.Same(lines[0].Sku, lines[1].Sku);
        Assert.Equal("USD", lines[1].Currency);
        Assert.Same(lines[0].Currency, lines[1].Currency);
    }

    [Fact]
    public void The_pool_returns_an_equal_string_always_and_stays_bounded_under_unique_values()
    {
        var pool = new StringPool();
        var first = pool.Share(new string("Contoso".ToCharArray()));
        Assert.Same(first, pool.Share(new string("Contoso".ToCharArray())));
        Assert.Same(string.Empty, pool.Share(new string(Array.Empty<char>())));

        var unique = Enumerable.Range(0, StringPool.Slots * 4).Select(i => "order-" + i).ToList();
        Assert.All(unique, value => Assert.Equal(value, pool.Share(value)));

        // Long values are handed back as they are, never held.
        var longValue = new string('x', StringPool.MaxLength + 1);
        var copy = new string('x', StringPool.MaxLength + 1);
        Assert.Same(longValue, pool.Share(longValue));
        Assert.Same(copy, pool.Share(copy));

        // However many values went through, the pool holds at most its slots.
        var slots = (string?[])typeof(StringPool).GetField("_slots", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(pool)!;
        Assert.Equal(StringPool.Slots, slots.Length);
        Assert.All(slots.Where(s => s is not null), s => Assert.True(s!.Length <= StringPool.MaxLength));
    }

    [Fact]
    public void Case_and_spreadsheet_guards_are_not_folded_by_sharing()
    {
        using var files = new BillingTestFiles();
        const string header = "TransactionId,CustomerId,CustomerName,Sku,ChargeType,Quantity,Currency,ServiceStart,ServiceEnd";
        var path = files.Write("case.csv", header + "\r\n" +
            "T1,C1,Contoso,S1,OneTime,1,USD,2024-05-01,2024-05-31\r\n" +
            "T2,C1,CONTOSO,S1,OneTime,1,USD,2024-05-01,2024-05-31\r\n" +
            "T3,C1,'Contoso,S1,OneTime,1,USD,2024-05-01,2024-05-31\r\n", new UTF8Encoding(false));

        var (lines, _, _) = BillingTestFiles.ReadAll(null, path);

        Assert.Equal(new[] { "Contoso", "CONTOSO", "'Contoso" }, lines.Select(l => l.CustomerName));
    }

    [Fact]
    public void A_joined_value_is_the_joined_text_and_shares_the_pooled_instance()
    {
        var pool = new StringPool();
        var first = pool.Share("CFQ7TTC0LH18", ':', "0001");
        Assert.Equal("CFQ7TTC0LH18:0001", first);
        Assert.Same(first, pool.Share("CFQ7TTC0LH18", ':', "0001"));
        Assert.Same(first, pool.Share("CFQ7TTC0LH18:0001"));
        Assert.Equal("CFQ7TTC0LH18:0002", pool.Share("CFQ7TTC0LH18", ':', "0002"));
        Assert.Equal("CFQ7TTC0LH1:80001", pool.Share("CFQ7TTC0LH1", ':', "80001"));
        var longOne = new string('x', StringPool.MaxLength);
        Assert.Equal(longOne + ":y", pool.Share(longOne, ':', "y"));
    }

    [Fact]
    public void A_column_repeating_its_last_value_gets_that_instance_and_a_new_value_stays_itself()
    {
        var pool = new StringPool();
        var first = pool.Share(new string('x', 3), 2);

        Assert.Same(first, pool.Share(new string('x', 3), 2));
        Assert.Equal("y", pool.Share(new string('y', 1), 2));
        Assert.Same(first, pool.Share(new string('x', 3), 2));
        Assert.Same(first, pool.Share(new string('x', 3), 5));

        // Beyond the columns remembered, the pool alone shares.
        var far = pool.Share(new string('z', 2), 500);
        Assert.Equal("zz", far);
        Assert.Same(far, pool.Share(new string('z', 2), 500));
    }

    [Fact]
    public void Text_in_a_buffer_gets_the_pooled_instance_and_becomes_a_string_only_when_new()
    {
        var pool = new StringPool();
        var buffer = "Contoso Ltd|Fabrikam".ToCharArray();
        var contoso = pool.Share(new ReadOnlySpan<char>(buffer, 0, 11), 3);

        Assert.Equal("Contoso Ltd", contoso);
        Assert.Same(contoso, pool.Share(new ReadOnlySpan<char>(buffer, 0, 11), 3));
        Assert.Same(contoso, pool.Share(new string(buffer, 0, 11)));
        Assert.Equal("Fabrikam", pool.Share(new ReadOnlySpan<char>(buffer, 12, 8), 3));
        Assert.Same(contoso, pool.Share(new ReadOnlySpan<char>(buffer, 0, 11), 4));

        var longText = new string('n', StringPool.MaxLength + 1);
        Assert.Equal(longText, pool.Share(longText.AsSpan(), 3));
    }
}
