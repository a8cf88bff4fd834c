using Autotask.Billing.Crm;
using Autotask.Billing.Loose;
using Autotask.Billing.Tests.Reporting;

namespace Autotask.Billing.Tests.Crm;

/// <summary>CRM rows read numbers, dates and flags as <see cref="LooseValue"/> does: the same spreadsheet value means the same as in a billing file.</summary>
public sealed class CrmLooseValueTests
{
    [Theory]
    [InlineData("de-DE", "12,50", 12.50)]
    [InlineData("sv-SE", "12,50", 12.50)]
    [InlineData("en-US", "12.50", 12.50)]
    [InlineData("de-DE", "12.50", 12.50)]
    public void A_product_price_reads_as_LooseValue_reads_it(string culture, string text, double expected)
    {
        using var scope = new CultureScope(culture);

        var product = ProductReader.FromRow(Row(("Sku", "DOCK-1"), ("Name", "Dock"), ("UnitPrice", text)), "Erp", "row 4");

        Assert.True(LooseValue.TryDecimal(text, out var loose));
        Assert.Equal((decimal)expected, product.UnitPrice);
        Assert.Equal(loose, product.UnitPrice);
    }

    [Theory]
    [InlineData("en-US", "12,50")]
    [InlineData("en-GB", "1,250.00")]
    [InlineData("sv-SE", "1 250,00")]
    [InlineData("de-DE", "zwölf")]
    public void A_price_LooseValue_refuses_is_refused_naming_the_row_and_column_never_read_as_a_bigger_number(string culture, string text)
    {
        using var scope = new CultureScope(culture);

        var error = Assert.Throws<CustomerInputException>(() =>
            ProductReader.FromRow(Row(("Sku", "DOCK-1"), ("Name", "Dock"), ("Cost", text)), "Erp", "row 4"));

        Assert.False(LooseValue.TryDecimal(text, out _));
        Assert.StartsWith("row 4: Cost '", error.Message, StringComparison.Ordinal);
        Assert.Contains("is not a number", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-GB", "31/10/2026")]
    [InlineData("en-US", "10/31/2026")]
    [InlineData("de-DE", "31.10.2026")]
    [InlineData("en-US", "2026-10-31")]
    [InlineData("en-US", "2026-10-31T08:15:00Z")]
    public void A_quote_date_and_a_decimal_comma_quantity_read_as_LooseValue_reads_them(string culture, string date)
    {
        using var scope = new CultureScope(culture);
        var quantity = culture == "de-DE" ? "2,5" : "2.5";
        var reader = new SalesDocumentReader("Erp");

        reader.Add(Row(("DocumentNumber", "Q-1"), ("CustomerId", "A1"), ("DocumentDate", date), ("Sku", "DOCK-1"), ("Quantity", quantity)), "row 2");
        var document = Assert.Single(reader.Documents());

        Assert.True(LooseValue.TryDate(date, out var loose));
        Assert.Equal(new DateTime(2026, 10, 31), document.DocumentDate);
        Assert.Equal(loose, document.DocumentDate);
        Assert.Equal(2.5m, Assert.Single(document.Lines).Quantity);
    }

    [Theory]
    [InlineData("de-DE", "12,345")]
    [InlineData("en-US", "1.5")]
    [InlineData("en-US", "99999999999999999999")]
    public void An_opportunity_id_that_is_not_a_whole_number_is_refused_not_cut_short(string culture, string id)
    {
        using var scope = new CultureScope(culture);
        var reader = new SalesDocumentReader("Erp");
        reader.Add(Row(("DocumentNumber", "Q-1"), ("CustomerId", "A1"), ("OpportunityId", id), ("Sku", "DOCK-1"), ("Quantity", "1")), "row 3");

        var error = Assert.Throws<CustomerInputException>(() => reader.Documents());

        Assert.StartsWith($"row 3: OpportunityId '{id}' is not a whole number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_whole_opportunity_id_is_read()
    {
        var reader = new SalesDocumentReader("Erp");
        reader.Add(Row(("DocumentNumber", "Q-1"), ("CustomerId", "A1"), ("OpportunityId", "41000123"), ("Sku", "DOCK-1"), ("Quantity", "1")), "row 3");

        Assert.Equal(41000123L, Assert.Single(reader.Documents()).OpportunityId);
    }

    [Theory]
    [InlineData("en-US", "2026-02-30")]
    [InlineData("en-US", "13/13/2026")]
    [InlineData("de-DE", "next Friday")]
    public void A_date_LooseValue_refuses_is_refused_naming_the_row_and_column(string culture, string date)
    {
        using var scope = new CultureScope(culture);
        var reader = new SalesDocumentReader("Erp");
        reader.Add(Row(("DocumentNumber", "Q-1"), ("CustomerId", "A1"), ("ValidUntil", date), ("Sku", "DOCK-1"), ("Quantity", "1")), "row 7");

        var error = Assert.Throws<CustomerInputException>(() => reader.Documents());

        Assert.False(LooseValue.TryDate(date, out _));
        Assert.StartsWith($"row 7: ValidUntil '{date}' is not a date", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Y", true)]
    [InlineData("x", true)]
    [InlineData("yes", true)]
    [InlineData("1", true)]
    [InlineData("N", false)]
    [InlineData("False", false)]
    public void A_primary_contact_flag_reads_as_LooseValue_reads_it(string text, bool expected)
    {
        var reader = new CustomerRowReader("Erp");
        reader.Add(Row(("CustomerId", "A1"), ("CustomerName", "Alpha"), ("FirstName", "Ann"), ("LastName", "Lee"), ("Email", "ann@alpha.test"), ("PrimaryContact", text)), "row 2");

        var contact = Assert.Single(Assert.Single(reader.Customers()).Contacts);

        Assert.True(LooseValue.TryBool(text, out var loose));
        Assert.Equal(expected, contact.PrimaryContact);
        Assert.Equal(loose, contact.PrimaryContact);
    }

    [Fact]
    public void A_flag_LooseValue_refuses_is_refused_naming_the_row_and_column()
    {
        var reader = new CustomerRowReader("Erp");

        var error = Assert.Throws<CustomerInputException>(() => reader.Add(
            Row(("CustomerId", "A1"), ("CustomerName", "Alpha"), ("FirstName", "Ann"), ("LastName", "Lee"), ("Email", "ann@alpha.test"), ("PrimaryContact", "maybe")), "row 3"));

        Assert.False(LooseValue.TryBool("maybe", out _));
        Assert.Equal("row 3: PrimaryContact 'maybe' is not true or false.", error.Message);
    }

    private static Dictionary<string, object?> Row(params (string Name, object? Value)[] cells) =>
        cells.ToDictionary(c => c.Name, c => c.Value, StringComparer.OrdinalIgnoreCase);
}
