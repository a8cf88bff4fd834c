using Autotask.Billing.Tabular;

namespace Autotask.Billing.Tests.Billing;

/// <summary>The CSV source lends one field array to each record in turn (issue 15): a record is read while current.</summary>
public sealed class CsvRecordSourceTests
{
    [Fact]
    public void A_record_kept_past_the_next_one_refuses_its_fields_instead_of_showing_the_next_ones()
    {
        using var files = new BillingTestFiles();
        var path = files.Write("lines.csv", "A,B,C\r\na1,b1,c1\r\na2,b2\r\na3,b3,c3\r\n");
        using var source = new CsvRecordSource(SourceText.Sniff(path));

        using var records = source.Records(CancellationToken.None).GetEnumerator();
        Assert.True(records.MoveNext());
        var first = records.Current;
        Assert.Equal("b1", first[1]);
        Assert.Equal(3, first.FieldCount);

        Assert.True(records.MoveNext());
        var second = records.Current;
        Assert.Equal(2, second.FieldCount);
        Assert.Null(second[2]);
        Assert.Equal("a2", second[0]);
        Assert.Throws<InvalidOperationException>(() => first[1]);
        Assert.Throws<InvalidOperationException>(() => first[0]);

        Assert.True(records.MoveNext());
        Assert.Equal(new[] { "a3", "b3", "c3" }, new[] { records.Current[0], records.Current[1], records.Current[2] });
        Assert.Throws<InvalidOperationException>(() => second[0]);
        Assert.False(records.MoveNext());
    }
}
