using System.Globalization;
using System.Reflection;
using Autotask.Billing.Reconciliation;

namespace Autotask.Billing.Tests.Reconciliation;

public sealed class ContractDifferenceReaderTests
{
    private static readonly PropertyInfo[] Settable = typeof(ContractDifference)
        .GetProperties()
        .Where(p => p.GetSetMethod(nonPublic: true) is not null)
        .ToArray();

    [Fact]
    public void Every_property_survives_a_round_trip_through_text_only_values()
    {
        var original = FullySet();
        var asText = Settable.ToDictionary(p => p.Name, p => (object?)AsCsvText(p.GetValue(original)));

        var read = ContractDifferenceReader.FromProperties(asText);

        Assert.True(Settable.Length >= 50);
        foreach (var property in Settable)
        {
            Assert.Equal(property.GetValue(original), property.GetValue(read));
        }

        Assert.Equal(original.MonthlyMarginImpact, read.MonthlyMarginImpact);
    }

    [Fact]
    public void Typed_values_as_import_clixml_gives_them_are_taken_as_they_are()
    {
        var original = FullySet();
        var typed = Settable.ToDictionary(p => p.Name.ToLowerInvariant(), p => p.GetValue(original));

        var read = ContractDifferenceReader.FromProperties(typed);

        Assert.All(Settable, p => Assert.Equal(p.GetValue(original), p.GetValue(read)));
    }

    [Fact]
    public void Empty_text_means_no_value_and_unknown_columns_are_ignored()
    {
        var values = Settable.ToDictionary(p => p.Name, _ => (object?)string.Empty);
        values["DifferenceId"] = "D-1";
        values["Kind"] = "QuantityChange";
        values["AsOf"] = "2026-10-31";
        values["MonthlyRevenueImpact"] = "0";
        values["MonthlyCostImpact"] = "0";
        values["OneTimeRevenueImpact"] = "0";
        values["OneTimeCostImpact"] = "0";
        values["IsActionable"] = "False";
        values["CreateCompany"] = "False";
        values["CreateContract"] = "False";
        values["RequiresForce"] = "False";
        values["ChargeType"] = "Recurring";
        values["PricingStrategy"] = "0";
        values["EffectiveDatePolicy"] = "ChangeDate";
        values["PSComputerName"] = "ignored";
        values["MonthlyMarginImpact"] = "12.5";

        var read = ContractDifferenceReader.FromProperties(values);

        Assert.Null(read.VendorQuantity);
        Assert.Null(read.CompanyId);
        Assert.Null(read.EffectiveDate);
        Assert.Equal(string.Empty, read.Reason);
        Assert.Null(read.Suggestions);
        Assert.Equal(new DateTime(2026, 10, 31, 0, 0, 0, DateTimeKind.Utc), read.AsOf);
        Assert.Equal(DateTimeKind.Utc, read.AsOf.Kind);
    }

    [Theory]
    [InlineData("VendorQuantity", "twelve", "number")]
    [InlineData("Kind", "Typo", "DifferenceKind")]
    [InlineData("EffectiveDate", "31st of October", "date")]
    [InlineData("IsActionable", "maybe", "boolean")]
    [InlineData("ContractId", "12.5", "whole number")]
    public void A_value_that_cannot_be_read_names_the_property_and_the_value(string property, string value, string expected)
    {
        var values = new Dictionary<string, object?> { ["DifferenceId"] = "D-1", ["Kind"] = "Match", [property] = value };

        var error = Assert.Throws<ContractDifferencePropertyException>(() => ContractDifferenceReader.FromProperties(values));

        Assert.Equal(property, error.PropertyName);
        Assert.Equal(value, error.Value);
        Assert.Contains($"'{property}'", error.Message);
        Assert.Contains($"'{value}'", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void The_difference_id_is_required()
    {
        var error = Assert.Throws<ContractDifferencePropertyException>(() =>
            ContractDifferenceReader.FromProperties(new Dictionary<string, object?> { ["Kind"] = "Match", ["DifferenceId"] = " " }));

        Assert.Equal("DifferenceId", error.PropertyName);
    }

    [Fact]
    public void Dates_written_the_way_powershell_writes_them_read_back_as_utc_dates_in_any_time_zone()
    {
        var values = new Dictionary<string, object?> { ["DifferenceId"] = "D-1", ["Kind"] = "Match", ["AsOf"] = "10/31/2026 00:00:00", ["EffectiveDate"] = "2026-11-01T00:00:00Z" };

        var read = ContractDifferenceReader.FromProperties(values);

        Assert.Equal(new DateTime(2026, 10, 31, 0, 0, 0, DateTimeKind.Utc), read.AsOf);
        Assert.Equal(new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc), read.EffectiveDate);
    }

    private static ContractDifference FullySet()
    {
        var difference = new ContractDifference();
        var index = 0;
        foreach (var property in Settable)
        {
            index++;
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            object value = type switch
            {
                _ when type == typeof(string) => $"{property.Name} text, with; separators {index}",
                _ when type == typeof(long) => 29_684_000L + index,
                _ when type == typeof(int) => 1_000 + index,
                _ when type == typeof(decimal) => -1234.5678m + index,
                _ when type == typeof(bool) => property.PropertyType == typeof(bool),
                _ when type == typeof(DateTime) => new DateTime(2026, 10, 1, 13, 45, 30, DateTimeKind.Utc).AddDays(index),
                _ when type.IsEnum => Enum.GetValues(type).Cast<object>().Last(),
                _ => throw new InvalidOperationException($"No sample value for {property.Name} ({type.Name})."),
            };
            property.SetValue(difference, value);
        }

        return difference;
    }

    // Export-Csv writes every value as text; the module formats numbers and dates invariantly.
    private static string AsCsvText(object? value) => value switch
    {
        null => string.Empty,
        DateTime date => date.ToString("MM/dd/yyyy HH:mm:ss", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString()!,
    };
}
