using System.Globalization;
using System.Text;
using Autotask.Billing.Tabular;
using CsvHelper;
using CsvHelper.Configuration;

namespace Autotask.Billing.Tests.Billing;

/// <summary>
/// The tokenizer replaced CsvHelper's parser in the billing readers (issue 15): every text must read to the records,
/// fields, line numbers and raw text CsvHelper 33 gave with the settings the readers used, so that no file reads
/// differently. CsvHelper stays a dependency (the report and export writers), so it is the oracle here.
/// </summary>
public sealed class CsvTokenizerTests
{
    public static TheoryData<string> Awkward => new()
    {
        string.Empty,
        "a",
        "a,b\r\nc,d\r\n",
        "a,b\nc,d",
        "a,b\rc,d\r",
        "a,\r\n,b\r\n,\r\n",
        "\r\n\r\n\n",
        "\"a,b\",\"c\r\nd\",e\r\n",
        "\"say \"\"hi\"\"\",x\n",
        "5\" monitor,x\n",
        "\"5\" monitor\",x\n",
        "\"abc\"def,g\n",
        "\"a\"b\"c\"\"d\",e\n",
        "\"never closed,a\r\nb,c\r\n",
        "\"",
        "\"\"",
        "\"\"\"",
        "a,\"\"\r",
        "\"a\"\r\n\"b\"\"\"",
        "x,\"line\rbreak\nmixed\r\n\",y\r\n",
        "\"\",\"\"\"\",\"a\"\"\"\r\n",
        "\"ab\"\"c",
        "a;b;\"c;d\"\n",
    };

    [Theory]
    [MemberData(nameof(Awkward))]
    public void Awkward_texts_read_as_csvhelper_read_them(string text)
    {
        foreach (var size in new[] { 16, 17, 64 * 1024 })
        {
            AssertSameRecords(text, ',', size);
            AssertSameRecords(text, ';', size);
        }
    }

    [Fact]
    public void Random_texts_of_quotes_delimiters_and_line_breaks_read_as_csvhelper_read_them()
    {
        var random = new Random(4180);
        const string alphabet = "ab,,;\"\"\"\r\n\t \u00e9";
        for (var i = 0; i < 4_000; i++)
        {
            var length = random.Next(0, i % 10 == 0 ? 400 : 40);
            var text = new StringBuilder(length);
            for (var j = 0; j < length; j++)
            {
                text.Append(alphabet[random.Next(alphabet.Length)]);
            }

            AssertSameRecords(text.ToString(), i % 3 == 0 ? ';' : ',', i % 2 == 0 ? 16 : 64);
        }
    }

    [Fact]
    public void A_record_longer_than_the_buffer_grows_it_and_keeps_every_field()
    {
        var field = new string('x', 5_000);
        var text = $"h1,h2\r\n\"{field}\r\n{field}\",{field}\r\nend,1\r\n";
        var tokenizer = new CsvTokenizer(new StringReader(text), ',', bufferSize: 16);

        Assert.True(tokenizer.Read());
        Assert.True(tokenizer.Read());
        Assert.Equal(field + "\r\n" + field, tokenizer[0]);
        Assert.Equal(field, tokenizer[1]);
        Assert.Equal(3, tokenizer.RawRow);
        Assert.True(tokenizer.Read());
        Assert.Equal(new[] { "end", "1" }, tokenizer.Record());
        Assert.Equal(4, tokenizer.RawRow);
        Assert.False(tokenizer.Read());
    }

    [Fact]
    public void Fields_without_inner_quotes_are_lent_as_spans_and_the_rest_only_as_strings()
    {
        var tokenizer = new CsvTokenizer(new StringReader("plain,\"quoted, with comma\",\"say \"\"hi\"\"\",,\"\"\n"), ',');
        Assert.True(tokenizer.Read());

        Assert.True(tokenizer.TrySpan(0, out var plain));
        Assert.Equal("plain", plain.ToString());
        Assert.True(tokenizer.TrySpan(1, out var quoted));
        Assert.Equal("quoted, with comma", quoted.ToString());
        Assert.False(tokenizer.TrySpan(2, out _));
        Assert.Equal("say \"hi\"", tokenizer[2]);
        Assert.True(tokenizer.TrySpan(3, out var empty));
        Assert.True(empty.IsEmpty);
        Assert.True(tokenizer.TrySpan(4, out var emptyQuoted));
        Assert.True(emptyQuoted.IsEmpty);
    }

    [Fact]
    public void A_field_past_the_record_is_refused()
    {
        var tokenizer = new CsvTokenizer(new StringReader("a,b\n"), ',');
        Assert.True(tokenizer.Read());

        Assert.Throws<ArgumentOutOfRangeException>(() => tokenizer[2]);
        Assert.Throws<ArgumentOutOfRangeException>(() => tokenizer.TrySpan(2, out _));
    }

    private static void AssertSameRecords(string text, char delimiter, int bufferSize)
    {
        using var expected = new CsvParser(new StringReader(text), new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter.ToString(),
            HasHeaderRecord = false,
            IgnoreBlankLines = false,
            BadDataFound = null,
            MissingFieldFound = null,
            DetectColumnCountChanges = false,
            CacheFields = false,
        });
        var actual = new CsvTokenizer(new StringReader(text), delimiter, bufferSize);
        var shown = text.Replace("\r", "\\r").Replace("\n", "\\n");

        while (true)
        {
            var more = expected.Read();
            Assert.True(more == actual.Read(), $"record {expected.Row} of [{shown}] (buffer {bufferSize}): CsvHelper {(more ? "has" : "has no")} more");
            if (!more)
            {
                return;
            }

            var where = $"record {expected.Row} of [{shown}] (buffer {bufferSize}, '{delimiter}')";
            Assert.True(expected.Row == actual.Row, where + ": row");
            Assert.True(expected.RawRow == actual.RawRow, where + $": raw row {expected.RawRow} expected, {actual.RawRow} read");
            Assert.True(expected.Count == actual.Count, where + $": {expected.Count} fields expected, {actual.Count} read");
            for (var i = 0; i < expected.Count; i++)
            {
                Assert.True(expected[i] == actual[i], where + $": field {i + 1} [{expected[i]}] expected, [{actual[i]}] read");
                if (actual.TrySpan(i, out var span))
                {
                    Assert.True(expected[i] == span.ToString(), where + $": field {i + 1} [{expected[i]}] expected, [{span.ToString()}] as a span");
                }
            }

            Assert.True(expected.RawRecord == actual.RawRecord, where + ": raw record");
        }
    }
}
