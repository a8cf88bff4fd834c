using System.IO.Compression;
using System.Text;
using Xunit.Abstractions;

namespace Autotask.Billing.Tests.Billing;

/// <summary>
/// A corpus of damaged billing files. For each: what is reported (reason, line and column), and that the rejected-line
/// policy refuses the file, so Compare-AtContract compares (and Sync-AtContract writes) nothing from it.
/// </summary>
public sealed class BadFileCorpusTests
{
    private const string Header = "TransactionId,CustomerId,Sku,ChargeType,Quantity,UnitPrice,Currency,ServiceStart,ServiceEnd";
    private const string Unreadable = "Unreadable";

    private readonly ITestOutputHelper _output;

    public BadFileCorpusTests(ITestOutputHelper output)
    {
        _output = output;
    }

    public static TheoryData<string> Names => new(Corpus().Select(static c => c.Name));

    [Fact]
    public void The_corpus_holds_at_least_thirty_damaged_files() => Assert.True(Corpus().Count() >= 30);

    [Theory]
    [MemberData(nameof(Names))]
    public void A_damaged_file_is_reported_where_it_is_wrong_and_refused(string name)
    {
        var (_, bytes, reason, line, column) = Corpus().Single(c => c.Name == name);
        using var files = new BillingTestFiles();
        var path = files.WriteBytes(name, bytes);
        var policy = new RejectedLinePolicy();
        var reader = new BillingSourceReader(new BillingReadOptions { Format = BillingSourceFormat.Generic, Window = BillingWindow.Unbounded });

        var reported = new List<string>();
        try
        {
            foreach (var item in policy.Read(reader, path, CancellationToken.None))
            {
                if (item.Problem is { } problem)
                {
                    reported.Add($"{problem.Reason} {problem.LineNumber}:{problem.ColumnNumber}");
                }
            }
        }
        catch (BillingFormatException exception)
        {
            reported.Add($"{Unreadable} {exception.LineNumber}:{exception.ColumnNumber} {exception.Message.Replace(path, name, StringComparison.Ordinal)}");
        }

        var verdict = policy.Judge(new[] { path }, acceptPartialFile: false);
        if (reported.Count == 0 && verdict.IsRefused)
        {
            reported.Add($"{Unreadable} : {verdict.RefusedFiles[0].Replace(path, name, StringComparison.Ordinal)}");
        }

        _output.WriteLine($"{name}: {string.Join(" | ", reported.DefaultIfEmpty("(no line problem)"))} => {(verdict.IsRefused ? "refused" : "ACCEPTED")}");

        Assert.True(verdict.IsRefused, $"{name} must not be compared or synced");
        Assert.Contains(reported, r => r.StartsWith(reason, StringComparison.Ordinal));
        if (line is not null)
        {
            Assert.Contains(reported, r => r.StartsWith($"{reason} {line}:{column}", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Accepting_the_rest_of_a_file_holds_back_every_customer_a_rejected_line_names()
    {
        using var files = new BillingTestFiles();
        var path = files.Write("partial.csv", Header + "\r\n" + Row("T1", "C1", "12") + Row("T2", "C2", "twelve") + Row("T3", "C3", "5"));
        var policy = new RejectedLinePolicy();
        var reader = new BillingSourceReader(new BillingReadOptions { Window = BillingWindow.Unbounded });

        var transactions = policy.Read(reader, path, CancellationToken.None).Where(static i => i.Transaction is not null).ToList();
        var refused = policy.Judge(new[] { path }, acceptPartialFile: false);
        var accepted = policy.Judge(new[] { path }, acceptPartialFile: true);

        Assert.Equal(2, transactions.Count);
        Assert.True(refused.IsRefused);
        Assert.Contains("pass -AcceptPartialFile", refused.Describe(), StringComparison.Ordinal);
        Assert.False(accepted.IsRefused);
        Assert.Equal(new[] { "C2" }, accepted.HeldBackCustomers);
        Assert.True(accepted.HoldsBack("c2"));
        Assert.False(accepted.HoldsBack("C1"));
    }

    [Fact]
    public void A_line_whose_customer_cannot_be_told_keeps_its_file_refused_even_when_the_rest_is_accepted()
    {
        using var files = new BillingTestFiles();
        var path = files.Write("shifted.csv", Header + "\r\n" + Row("T1", "C1", "12") + "T2,C2,S1,Recurring,1,250,5,USD,2024-05-01,2024-05-31\r\n");
        var policy = new RejectedLinePolicy();

        _ = policy.Read(new BillingSourceReader(new BillingReadOptions { Window = BillingWindow.Unbounded }), path, CancellationToken.None).ToList();

        var verdict = policy.Judge(new[] { path }, acceptPartialFile: true);
        Assert.True(verdict.IsRefused);
        Assert.Contains("cannot be told", verdict.Describe());
    }

    [Theory]
    [InlineData("header-only.csv", Header + "\r\n")]
    [InlineData("no-bytes.csv", "")]
    [InlineData("blank-lines.csv", "\r\n  \r\n")]
    public void A_file_without_billing_lines_is_read_as_empty_and_refused_once_with_its_name_and_why(string name, string text)
    {
        using var files = new BillingTestFiles();
        var path = files.Write(name, text);
        var policy = new RejectedLinePolicy();

        var items = policy.Read(new BillingSourceReader(new BillingReadOptions { Window = BillingWindow.Unbounded }), path, CancellationToken.None).ToList();

        Assert.Empty(items);
        var verdict = policy.Judge(new[] { path }, acceptPartialFile: true);
        Assert.Equal($"{path}: it has no billing lines (only a header, or nothing at all)", Assert.Single(verdict.RefusedFiles));
        Assert.DoesNotContain("AcceptPartialFile", verdict.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_read_accepted_as_partial_is_accepted_by_a_later_judgement_until_the_file_is_read_again()
    {
        using var files = new BillingTestFiles();
        var path = files.Write("accepted.csv", Header + "\r\n" + Row("T1", "C1", "twelve") + "\r\n" + Row("T2", "C2", "3"));
        var policy = new RejectedLinePolicy();
        _ = policy.Read(new BillingSourceReader(new BillingReadOptions { Window = BillingWindow.Unbounded }), path, CancellationToken.None).ToList();
        Assert.True(policy.Judge(new[] { path }, false).IsRefused);

        policy.AcceptPartial(path);
        var verdict = policy.Judge(new[] { path }, false);

        Assert.False(verdict.IsRefused);
        Assert.Equal(new[] { "C1" }, verdict.HeldBackCustomers);
        _ = policy.Read(new BillingSourceReader(new BillingReadOptions { Window = BillingWindow.Unbounded }), path, CancellationToken.None).ToList();
        Assert.True(policy.Judge(new[] { path }, false).IsRefused);
    }

    [Fact]
    public void Reading_a_corrected_file_again_clears_its_record()
    {
        using var files = new BillingTestFiles();
        var path = files.Write("fixed.csv", Header + "\r\n" + Row("T1", "C1", "twelve"));
        var policy = new RejectedLinePolicy();
        var reader = new BillingSourceReader(new BillingReadOptions { Window = BillingWindow.Unbounded });
        _ = policy.Read(reader, path, CancellationToken.None).ToList();
        Assert.True(policy.Judge(new[] { path }, false).IsRefused);

        File.WriteAllText(path, Header + "\r\n" + Row("T1", "C1", "12"));
        _ = policy.Read(new BillingSourceReader(new BillingReadOptions { Window = BillingWindow.Unbounded }), path, CancellationToken.None).ToList();

        Assert.False(policy.Judge(new[] { path }, false).IsRefused);
    }

    private static string Row(string id, string customer, string quantity, string price = "5") =>
        $"{id},{customer},S1,Recurring,{quantity},{price},USD,2024-05-01,2024-05-31\r\n";

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var zip = new GZipStream(output, CompressionLevel.Fastest))
        {
            zip.Write(bytes, 0, bytes.Length);
        }

        return output.ToArray();
    }

    private static IEnumerable<(string Name, byte[] Bytes, string Reason, int? Line, int? Column)> Corpus()
    {
        var good = Row("T1", "C1", "12");
        yield return ("duplicate-header.csv", Utf8(Header + ",Quantity\r\n" + good), Unreadable, 1, 10);
        yield return ("duplicate-header-case.csv", Utf8(Header.Replace("UnitPrice", "quantity", StringComparison.Ordinal) + "\r\n" + good), Unreadable, 1, 6);
        yield return ("duplicate-header-spaces.csv", Utf8(Header + ", Quantity \r\n" + good.TrimEnd() + ",3\r\n"), Unreadable, 1, 10);
        yield return ("duplicate-header-bom.csv", Encoding.UTF8.GetPreamble().Concat(Utf8(Header + ",Sku\r\n" + good)).ToArray(), Unreadable, 1, 10);
        yield return ("thousands-quantity.csv", Utf8(Header + "\r\n" + good + "T2,C1,S2,Recurring,1,250,5,USD,2024-05-01,2024-05-31\r\n"), BillingProblemReason.FieldCount, 3, 10);
        yield return ("thousands-price.csv", Utf8(Header + "\r\n" + "T2,C1,S2,Recurring,3,1,250.00,USD,2024-05-01,2024-05-31\r\n"), BillingProblemReason.FieldCount, 2, 10);
        yield return ("missing-field.csv", Utf8(Header + "\r\n" + "T2,C1,S2,Recurring,3,USD,2024-05-01,2024-05-31\r\n"), BillingProblemReason.FieldCount, 2, 9);
        yield return ("extra-field.csv", Utf8(Header + "\r\n" + good.TrimEnd() + ",extra\r\n"), BillingProblemReason.FieldCount, 2, 10);
        yield return ("unterminated-quote.csv", Utf8(Header + "\r\n" + good + "T2,\"C1,S2,Recurring,3,5,USD,2024-05-01,2024-05-31\r\n" + string.Concat(Enumerable.Range(3, 28).Select(i => Row($"T{i}", "C9", "1")))), BillingProblemReason.UnterminatedQuote, 3, null);
        yield return ("unterminated-quote-last.csv", Utf8(Header + "\r\n" + good + "T2,C1,\"S2,Recurring,3,5,USD,2024-05-01,2024-05-31\r\n"), BillingProblemReason.UnterminatedQuote, 3, null);
        yield return ("cut-mid-number.csv", Utf8(Header + "\r\n" + good + "T2,C1,S2,Recurring,1"), BillingProblemReason.TruncatedLine, 3, 5);
        yield return ("cut-last-date.csv", Utf8(Header + "\r\n" + good + "T2,C1,S2,Recurring,12,5,USD,2024-05-01,2024-05-3"), BillingProblemReason.TruncatedLine, 3, 9);
        yield return ("cut-mid-field.csv", Utf8(Header + "\r\n" + good + "T2,C1,S"), BillingProblemReason.TruncatedLine, 3, 3);
        // The same defects at the end of a file far larger than the reader's buffer: the end is found while reading.
        var many = string.Concat(Enumerable.Range(1, 20_000).Select(i => Row($"M{i}", "C1", "1")));
        yield return ("cut-mid-number-after-many.csv", Utf8(Header + "\r\n" + many + "T2,C1,S2,Recurring,1"), BillingProblemReason.TruncatedLine, 20_002, 5);
        yield return ("unterminated-quote-last-after-many.csv", Utf8(Header + "\r\n" + many + "T2,C1,\"S2,Recurring,3,5,USD,2024-05-01,2024-05-31\r\n"), BillingProblemReason.UnterminatedQuote, 20_002, null);
        yield return ("nul-bytes-after-many.csv", Utf8(Header + "\r\n" + many + "T2,C1,S1,Recurring,1,5,USD,2024-05-01,2024\0-05-31\r\n" + good), BillingProblemReason.InvalidRecord, 20_002, 9);
        yield return ("unterminated-quote-before-many.csv", Utf8(Header + "\r\n" + good + "T2,\"C1,S2,Recurring,3,5,USD,2024-05-01,2024-05-31\r\n" + many), BillingProblemReason.UnterminatedQuote, 3, null);
        yield return ("header-only.csv", Utf8(Header + "\r\n"), Unreadable, null, null);
        yield return ("header-and-blank-lines.csv", Utf8(Header + "\r\n\r\n  \r\n"), Unreadable, null, null);
        yield return ("empty.csv", Array.Empty<byte>(), Unreadable, null, null);
        yield return ("bom-only.csv", Encoding.UTF8.GetPreamble(), Unreadable, null, null);
        yield return ("binary.csv", Enumerable.Range(0, 4096).Select(static i => (byte)((i * 7919) % 256)).ToArray(), Unreadable, null, null);
        yield return ("png.csv", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1 }, Unreadable, null, null);
        yield return ("huge-line.csv", Utf8(Header + "\r\n" + good + string.Join(",", Enumerable.Repeat("x", 200_000)) + "\r\n"), BillingProblemReason.FieldCount, 3, 10);
        yield return ("huge-unclosed-field.csv", Utf8(Header + "\r\n" + good + "T2,\"" + new string('y', 2_000_000) + "\r\n"), BillingProblemReason.UnterminatedQuote, 3, null);
        yield return ("formula-quantity.csv", Utf8(Header + "\r\n" + Row("T1", "C1", "=SUM(A1:A2)")), BillingProblemReason.InvalidNumber, 2, 5);
        yield return ("formula-at-quantity.csv", Utf8(Header + "\r\n" + Row("T1", "C1", "@SUM(1)")), BillingProblemReason.InvalidNumber, 2, 5);
        yield return ("formula-price.csv", Utf8(Header + "\r\n" + Row("T1", "C1", "3", "=1+1")), BillingProblemReason.InvalidNumber, 2, 6);
        yield return ("words-quantity.csv", Utf8(Header + "\r\n" + Row("T1", "C1", "12 seats")), BillingProblemReason.InvalidNumber, 2, 5);
        yield return ("nbsp-thousands.csv", Utf8(Header + "\r\n" + Row("T1", "C1", "1\u00A0250")), BillingProblemReason.InvalidNumber, 2, 5);
        yield return ("semicolon-missing-field.csv", Utf8(Header.Replace(',', ';') + "\r\n" + "T1;C1;S1;Recurring;12;5;USD;2024-05-01\r\n"), BillingProblemReason.FieldCount, 2, 9);
        yield return ("tab-extra-field.csv", Utf8(Header.Replace(',', '\t') + "\r\n" + good.Replace(',', '\t').TrimEnd() + "\tx\r\n"), BillingProblemReason.FieldCount, 2, 10);
        yield return ("utf16le-duplicate-header.csv", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Header + ",Sku\r\n" + good)).ToArray(), Unreadable, 1, 10);
        yield return ("utf16be-field-count.csv", Encoding.BigEndianUnicode.GetPreamble().Concat(Encoding.BigEndianUnicode.GetBytes(Header + "\r\n" + "T1,C1,S1\r\n")).ToArray(), BillingProblemReason.FieldCount, 2, 4);
        yield return ("windows1252-bad-date.csv", Encoding.Latin1.GetBytes(Header + "\r\n" + "T1,Caf\u00e9,S1,Recurring,1,5,USD,31.13.2024,2024-05-31\r\n"), BillingProblemReason.InvalidDate, 2, 8);
        yield return ("gzip-unterminated-quote.csv.gz", Gzip(Utf8(Header + "\r\n" + good + "T2,\"C1,S2\r\nT3,C1,S1,Recurring,1,5,USD,2024-05-01,2024-05-31\r\n")), BillingProblemReason.UnterminatedQuote, 3, null);
        yield return ("cr-only-field-count.csv", Utf8(Header + "\r" + good.TrimEnd() + "\r" + "T2,C1\r"), BillingProblemReason.FieldCount, 3, 3);
        yield return ("nul-bytes.csv", Utf8(Header + "\r\n" + "T1,C1,S1,Recurring,1\0\0,5,USD,2024-05-01,2024-05-31\r\n"), BillingProblemReason.InvalidRecord, 2, 5);
        yield return ("shifted-repeated-header.csv", Utf8(Header + "\r\n" + good + "CustomerId,TransactionId,Sku,ChargeType,Quantity,UnitPrice,Currency,ServiceStart,ServiceEnd\r\n"), BillingProblemReason.UnknownChargeType, 3, 4);
        yield return ("duplicate-transaction-id.csv", Utf8(Header + "\r\n" + good + good), BillingProblemReason.DuplicateTransactionId, 3, null);
        yield return ("negative-quantity.csv", Utf8(Header + "\r\n" + Row("T1", "C1", "-12")), BillingProblemReason.NegativeQuantity, 2, 5);
    }
}
