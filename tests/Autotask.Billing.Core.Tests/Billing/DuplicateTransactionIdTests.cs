using System.Text;

namespace Autotask.Billing.Tests.Billing;

/// <summary>
/// Duplicate transaction ids are found from 128-bit fingerprints, not kept id strings (issue 15): a real duplicate is
/// rejected exactly as before, and distinct ids never are.
/// </summary>
public sealed class DuplicateTransactionIdTests
{
    private const string Header = "TransactionId,CustomerId,Sku,ChargeType,Quantity,UnitPrice,Currency,ServiceStart,ServiceEnd,Source";

    [Fact]
    public void An_id_read_in_an_earlier_file_of_the_same_source_is_rejected_with_the_same_problem_as_before()
    {
        using var files = new BillingTestFiles();
        var first = files.Write("may.csv", Header + "\r\nT-100,C1,S1,OneTime,1,1,USD,2024-05-01,2024-05-31,Pax8\r\nT-101,C1,S1,OneTime,1,1,USD,2024-05-01,2024-05-31,Pax8\r\n");
        var second = files.Write("may-again.csv", Header + "\r\nT-102,C1,S1,OneTime,1,1,USD,2024-05-01,2024-05-31,Pax8\r\nT-101,C2,S2,OneTime,2,1,USD,2024-05-01,2024-05-31,pax8\r\n");

        var (transactions, problems, reader) = BillingTestFiles.ReadAll(null, first, second);

        Assert.Equal(new[] { "T-100", "T-101", "T-102" }, transactions.Select(t => t.TransactionId));
        var problem = Assert.Single(problems);
        Assert.Equal(
            (second, 3, "TransactionId", "T-101", BillingProblemReason.DuplicateTransactionId, "Transaction id 'T-101' of source pax8 was already read."),
            (problem.File, problem.LineNumber, problem.Column, problem.Value, problem.Reason, problem.Message));
        Assert.Equal("C2", problem.CustomerId);
        Assert.Equal((2, 2, 0), (reader.Summaries[0].Read, reader.Summaries[0].Emitted, reader.Summaries[0].Rejected));
        Assert.Equal((2, 1, 1), (reader.Summaries[1].Read, reader.Summaries[1].Emitted, reader.Summaries[1].Rejected));
    }

    [Fact]
    public void The_same_id_in_two_sources_is_not_a_duplicate_and_ids_differing_only_in_case_are_distinct()
    {
        using var files = new BillingTestFiles();
        var path = files.Write("mixed.csv", Header + "\r\n" +
            "T1,C1,S1,OneTime,1,1,USD,2024-05-01,2024-05-31,Pax8\r\n" +
            "T1,C1,S1,OneTime,1,1,USD,2024-05-01,2024-05-31,Sherweb\r\n" +
            "t1,C1,S1,OneTime,1,1,USD,2024-05-01,2024-05-31,Pax8\r\n" +
            "T1,C1,S1,OneTime,1,1,USD,2024-05-01,2024-05-31,PAX8\r\n");

        var (transactions, problems, _) = BillingTestFiles.ReadAll(null, path);

        // Ids compare ordinally (case counts); source names do not.
        Assert.Equal(new[] { "Pax8/T1", "Sherweb/T1", "Pax8/t1" }, transactions.Select(t => t.Source + "/" + t.TransactionId));
        var problem = Assert.Single(problems);
        Assert.Equal((5, BillingProblemReason.DuplicateTransactionId), (problem.LineNumber, problem.Reason));
    }

    [Fact]
    public void Many_distinct_ids_of_every_length_are_all_kept_and_each_repeat_is_caught()
    {
        const int count = 60_000;
        using var files = new BillingTestFiles();
        var content = new StringBuilder(Header).Append("\r\n");
        for (var i = 0; i < count; i++)
        {
            content.Append(Id(i)).Append(",C1,S1,OneTime,1,1,USD,2024-05-01,2024-05-31,Pax8\r\n");
        }

        // Every 1000th id again, at the end.
        for (var i = 0; i < count; i += 1_000)
        {
            content.Append(Id(i)).Append(",C1,S1,OneTime,1,1,USD,2024-05-01,2024-05-31,Pax8\r\n");
        }

        var path = files.Write("many.csv", content.ToString());

        var (transactions, problems, _) = BillingTestFiles.ReadAll(null, path);

        Assert.Equal(count, transactions.Count);
        Assert.Equal(Enumerable.Range(0, count / 1_000).Select(i => Id(i * 1_000)), problems.Select(p => p.Value));
        Assert.All(problems, p => Assert.Equal(BillingProblemReason.DuplicateTransactionId, p.Reason));

        // Lengths 1 to 40 and ids one character apart: the hash covers every char, including the tail.
        static string Id(int i) => new string('x', i % 37) + i.ToString("x", System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public void The_id_set_finds_exactly_the_ids_already_added()
    {
        var set = new TransactionIdSet();
        var ids = Enumerable.Range(0, 200_000).Select(i => "pc-" + i.ToString("x24", System.Globalization.CultureInfo.InvariantCulture)).ToList();

        Assert.All(ids, id => Assert.True(set.Add(id)));
        Assert.Equal(ids.Count, set.Count);
        Assert.All(ids, id => Assert.False(set.Add(new string(id.ToCharArray()))));
        Assert.True(set.Add(string.Empty));
        Assert.False(set.Add(string.Empty));
        Assert.True(set.Add("PC-" + ids[0].Substring(3)));
    }

    /// <summary>Reference values: System.IO.Hashing.XxHash64.HashToUInt64 of Encoding.Unicode bytes (SDK 10's copy).</summary>
    [Theory]
    [InlineData("", 0L, 0xEF46DB3751D8E999UL)]
    [InlineData("a", 0L, 0xE513E02C99167F96UL)]
    [InlineData("abc", 0L, 0xAFF0F2A2F8B32731UL)]
    [InlineData("abcd", 0L, 0xAD9338B32CDA24C1UL)]
    [InlineData("T1", 0L, 0x8469873715654E5EUL)]
    [InlineData("pc-0123456789abcdef01234567", 0L, 0x43DAEF983B7B81A7UL)]
    [InlineData("0123456789abcdef0123456789abcdef!", 0L, 0x3A6F31FE68B05AECUL)]
    [InlineData("abc", 1540483477L, 0xD8718B235FD1FC25UL)]
    [InlineData("Microsoft 365 Business Premium, tenant 42", -7046029254386353131L, 0x4149FC733DF2A814UL)]
    public void XxHash64_matches_the_reference_implementation(string text, long seed, ulong expected)
    {
        Assert.Equal(expected, XxHash64.Hash(text, unchecked((ulong)seed)));
    }
}
