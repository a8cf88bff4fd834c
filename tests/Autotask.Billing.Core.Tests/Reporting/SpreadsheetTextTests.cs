using Autotask.Billing.Reporting;

namespace Autotask.Billing.Tests.Reporting;

public sealed class SpreadsheetTextTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"x\")")]
    [InlineData("+1 555 0100")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1)")]
    [InlineData("\tindent")]
    [InlineData("\rline")]
    [InlineData("'=already guarded by the vendor")]
    [InlineData("''+twice")]
    public void Formula_text_is_guarded_and_restored_exactly(string text)
    {
        var guarded = SpreadsheetText.Guard(text)!;

        Assert.Equal('\'', guarded[0]);
        Assert.Equal("'" + text, guarded);
        Assert.Equal(text, SpreadsheetText.Restore(guarded));
    }

    [Theory]
    [InlineData("Contoso Dental Group")]
    [InlineData("'quoted name")]
    [InlineData("'t Hoekje")]
    [InlineData("'s-Hertogenbosch")]
    [InlineData("'")]
    [InlineData("")]
    [InlineData(null)]
    public void Other_text_is_left_alone_both_ways(string? text)
    {
        Assert.Equal(text, SpreadsheetText.Guard(text));
        Assert.Equal(text, SpreadsheetText.Restore(text));
    }
}
