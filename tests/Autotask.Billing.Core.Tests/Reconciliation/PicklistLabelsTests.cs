using Autotask.Billing.Autotask;
using Autotask.Billing.Reconciliation;

namespace Autotask.Billing.Tests.Reconciliation;

/// <summary>Labels and period months are found without building strings per call: the same answers as the string forms.</summary>
public sealed class PicklistLabelsTests
{
    [Theory]
    [InlineData("Monthly")]
    [InlineData("MONTHLY")]
    [InlineData("monthly ")]
    [InlineData("Quarterly")]
    [InlineData("Semi-Annual")]
    [InlineData("semi annually")]
    [InlineData("Semi - Annually")]
    [InlineData("Yearly")]
    [InlineData("Annual")]
    [InlineData("annually")]
    [InlineData("-Annual-")]
    [InlineData("Annuall")]
    [InlineData("Annua")]
    [InlineData("Monthly\t")]
    [InlineData("Bi-Weekly")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("ſemiannual")]
    [InlineData("Semıannual")]
    [InlineData("Yéarly")]
    [InlineData("ＭＯＮＴＨＬＹ")]
    public void Months_of_a_label_are_those_of_its_upper_case_text_without_hyphens_or_spaces(string? label)
    {
        // The rule as first written: upper-case the label (invariant), drop hyphens and spaces, name the period.
        var expected = (label ?? string.Empty).ToUpperInvariant().Replace("-", string.Empty).Replace(" ", string.Empty) switch
        {
            "MONTHLY" => 1,
            "QUARTERLY" => 3,
            "SEMIANNUAL" or "SEMIANNUALLY" => 6,
            "YEARLY" or "ANNUAL" or "ANNUALLY" => 12,
            _ => 0,
        };

        Assert.Equal(expected > 0, PicklistLabels.TryMonthsOf(label, out var months));
        Assert.Equal(expected, months);
        Assert.Equal(expected > 0 ? expected : 1, PicklistLabels.MonthsOf(label));
    }

    [Fact]
    public void A_label_is_found_by_its_number_written_plainly_and_by_entity_and_field_in_any_case()
    {
        var labels = new PicklistLabels();
        labels.Add("Services", new[]
        {
            Field("periodType", ("1", "Monthly"), ("03", "Quarterly"), ("+4", "Plus"), ("-2", "Negative"), ("x", "Text"), (" 5", "Spaced")),
        });

        Assert.Equal("Monthly", labels.Label("services", "PERIODTYPE", 1));
        Assert.Equal("Negative", labels.Label("Services", "periodType", -2));
        Assert.Null(labels.Label("Services", "periodType", 3));
        Assert.Null(labels.Label("Services", "periodType", 4));
        Assert.Null(labels.Label("Services", "periodType", 5));
        Assert.Null(labels.Label("Services", "periodType", null));
        Assert.Null(labels.Label("Contracts", "periodType", 1));
        Assert.Null(labels.Label("Services.period", "Type", 1));
        Assert.Equal(3, labels.Value("SERVICES", "periodtype", " quarterly "));
    }

    [Fact]
    public void Entity_and_field_are_keyed_as_their_joined_name()
    {
        // "A.B" + "C" and "A" + "B.C" name the same picklist, as the joined key "A.B.C" did.
        var labels = new PicklistLabels();
        labels.Add("A.B", new[] { Field("C", ("1", "One")) });

        Assert.Equal("One", labels.Label("a", "b.c", 1));
        Assert.Equal(1, labels.Value("A", "B.C", "one"));
    }

    private static EntityFieldInformation Field(string name, params (string Value, string Label)[] values) => new()
    {
        Name = name,
        IsPickList = true,
        PicklistValues = values.Select(v => new PicklistValue { Value = v.Value, Label = v.Label }).ToList(),
    };
}
