using System.IO.Compression;
using System.Text;

namespace Autotask.Billing.Tests.Billing;

public sealed class EncodingAndDelimiterTests
{
    private const string Csv =
        "TransactionId,CustomerId,CustomerName,Sku,ChargeType,Quantity,UnitPrice,Currency\r\n" +
        "T1,C1,Müller & Söhne – Zürich €,SKU1,Recurring,3,9.99,EUR\r\n";

    public static TheoryData<string, Encoding> Encodings => new()
    {
        { "utf8", new UTF8Encoding(false) },
        { "utf8-bom", new UTF8Encoding(true) },
        { "utf16le-bom", new UnicodeEncoding(false, true) },
        { "utf16be-bom", new UnicodeEncoding(true, true) },
        { "utf16le-nobom", new UnicodeEncoding(false, false) },
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Unicode_encodings_are_detected(string name, Encoding encoding)
    {
        using var files = new BillingTestFiles();
        var path = files.WriteBytes(name + ".csv", encoding.GetPreamble().Concat(encoding.GetBytes(Csv)).ToArray());

        var (transactions, problems, _) = BillingTestFiles.ReadAll(null, path);

        Assert.Empty(problems);
        Assert.Equal("Müller & Söhne – Zürich €", Assert.Single(transactions).CustomerName);
    }

    [Fact]
    public void Windows_1252_is_detected_and_decoded_including_the_euro_and_dash()
    {
        using var files = new BillingTestFiles();
        var windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
        var path = files.WriteBytes("ansi.csv", windows1252.GetBytes(Csv));

        var (transactions, _, _) = BillingTestFiles.ReadAll(null, path);

        Assert.Equal("Müller & Söhne – Zürich €", Assert.Single(transactions).CustomerName);
    }

    [Fact]
    public void Semicolon_files_with_decimal_commas_read_the_same_numbers()
    {
        using var files = new BillingTestFiles();
        var path = files.Write("de.csv",
            "TransactionId;CustomerId;CustomerName;Sku;ChargeType;Quantity;UnitPrice;Currency;ServiceStart\r\n" +
            "T1;C1;\"Müller; GmbH\";SKU1;Recurring;3;1.234,50;EUR;31.05.2024\r\n" +
            "T2;C1;Other;SKU1;Recurring;3;9,99;EUR;2024-05-31\r\n");

        var (transactions, problems, _) = BillingTestFiles.ReadAll(null, path);

        Assert.Empty(problems);
        Assert.Equal("Müller; GmbH", transactions[0].CustomerName);
        Assert.Equal(1234.50m, transactions[0].UnitPrice);
        Assert.Equal(9.99m, transactions[1].UnitPrice);
        Assert.Equal(new DateTime(2024, 5, 31, 0, 0, 0, DateTimeKind.Utc), transactions[0].ServiceStart);
    }

    [Fact]
    public void Tab_separated_and_gzipped_files_read_too()
    {
        using var files = new BillingTestFiles();
        var path = Path.Combine(files.Folder, "tabs.tsv.gz");
        using (var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest))
        {
            var bytes = Encoding.UTF8.GetBytes(Csv.Replace(',', '\t'));
            gzip.Write(bytes, 0, bytes.Length);
        }

        var (transactions, problems, _) = BillingTestFiles.ReadAll(null, path);

        Assert.Empty(problems);
        Assert.Equal(3m, Assert.Single(transactions).Quantity);
    }

    [Theory]
    [InlineData("2024-05-31", 2024, 5, 31)]
    [InlineData("2024-05-31T23:30:00-08:00", 2024, 5, 31)]
    [InlineData("2024-05-31T00:00:00Z", 2024, 5, 31)]
    [InlineData("5/31/2024", 2024, 5, 31)]
    [InlineData("5/31/2024 23:59", 2024, 5, 31)]
    [InlineData("5/31/2024 11:59:00 PM", 2024, 5, 31)]
    public void Service_dates_keep_the_written_day_at_midnight_utc_whatever_the_time_zone(string written, int year, int month, int day)
    {
        using var files = new BillingTestFiles();
        var path = files.Write("dates.csv", "TransactionId,CustomerId,Sku,ChargeType,Quantity,ServiceStart\r\nT1,C1,S1,OneTime,1,\"" + written + "\"\r\n");

        var (transactions, problems, _) = BillingTestFiles.ReadAll(null, path);

        Assert.Empty(problems);
        var start = Assert.Single(transactions).ServiceStart!.Value;
        Assert.Equal(new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Utc), start);
        Assert.Equal(DateTimeKind.Utc, start.Kind);
    }
}
