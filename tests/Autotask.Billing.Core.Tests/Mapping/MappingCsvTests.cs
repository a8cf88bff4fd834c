using System.Globalization;
using Autotask.Billing.Mapping;

namespace Autotask.Billing.Tests.Mapping;

public sealed class MappingCsvTests
{
    private static IReadOnlyDictionary<string, string?> AsImported(IReadOnlyList<KeyValuePair<string, string>> row) =>
        row.ToDictionary(pair => pair.Key, pair => (string?)pair.Value);

    [Fact]
    public void A_customer_mapping_survives_a_trip_through_csv_text()
    {
        var original = SampleMappings.Document().FindCustomer("Intermedia", "acct-1001")!;

        var row = CustomerMappingCsv.ToRow(original);
        var problems = new List<MappingProblem>();
        var back = CustomerMappingCsv.FromRow(AsImported(row), 1, problems);

        Assert.Empty(problems);
        Assert.Equal(original with { CreatedUtc = null, UpdatedUtc = null }, back);
        Assert.Equal(CustomerMappingCsv.Columns, row.Select(pair => pair.Key));
        Assert.Equal("2024-05-01", row.Single(p => p.Key == "SyncStartDate").Value);
        Assert.Equal("CostOnly", row.Single(p => p.Key == "PricingStrategy").Value);
        Assert.Equal("2024-05-06T09:30:00Z", row.Single(p => p.Key == "CreatedUtc").Value);
    }

    [Fact]
    public void A_create_mapping_with_empty_values_survives_a_trip_through_csv_text()
    {
        var original = SampleMappings.NewCustomer();

        var back = CustomerMappingCsv.FromRows(new[] { AsImported(CustomerMappingCsv.ToRow(original)) });

        Assert.Equal(original, Assert.Single(back));
        Assert.Equal(string.Empty, CustomerMappingCsv.ToRow(original).Single(p => p.Key == "CompanyId").Value);
    }

    [Fact]
    public void A_service_mapping_survives_a_trip_through_csv_text()
    {
        var originals = new[] { SampleMappings.ExistingService(), SampleMappings.CreatedService(), new ServiceMapping("Pax8", "FREE-TRIAL") { Excluded = true } };

        var back = ServiceMappingCsv.FromRows(originals.Select(m => AsImported(ServiceMappingCsv.ToRow(m))));

        Assert.Equal(originals, back);
    }

    [Theory]
    [InlineData("x", true)]
    [InlineData("Y", true)]
    [InlineData("n", false)]
    [InlineData("yes", true)]
    [InlineData("0", false)]
    [InlineData("", false)]
    public void The_excluded_column_reads_the_yes_and_no_forms_a_spreadsheet_user_types(string cell, bool excluded)
    {
        var row = new Dictionary<string, string?> { ["Source"] = "Pax8", ["Sku"] = "FREE-TRIAL", ["Action"] = "Existing", ["ServiceId"] = "7", ["Excluded"] = cell };

        Assert.Equal(excluded, Assert.Single(ServiceMappingCsv.FromRows(new[] { row })).Excluded);
    }

    [Theory]
    [InlineData("X", true)]
    [InlineData("N", false)]
    [InlineData("", true)]
    public void The_export_column_reads_the_same_forms_and_an_empty_cell_means_exported(string cell, bool export)
    {
        var row = new Dictionary<string, string?> { ["Source"] = "Pax8", ["CustomerId"] = "c-1", ["CompanyId"] = "12", ["ContractId"] = "34", ["Export"] = cell };

        Assert.Equal(export, Assert.Single(CustomerMappingCsv.FromRows(new[] { row })).Export);
    }

    [Fact]
    public void Every_bad_value_is_reported_with_its_row_and_column()
    {
        var good = AsImported(CustomerMappingCsv.ToRow(SampleMappings.ExistingCustomer()));
        var bad = new Dictionary<string, string?>(good.ToDictionary(p => p.Key, p => p.Value))
        {
            ["PricingStrategy"] = "Cheap",
            ["CompanyId"] = "abc",
            ["SyncStartDate"] = "31/31/2024",
            ["Export"] = "maybe",
        };

        var refused = Assert.Throws<MappingValidationException>(() => CustomerMappingCsv.FromRows(new[] { good, bad }));

        Assert.Equal(
            new[] { "row 2, column CompanyId", "row 2, column Export", "row 2, column PricingStrategy", "row 2, column SyncStartDate" },
            refused.Problems.Select(p => p.Path).OrderBy(p => p, StringComparer.Ordinal));
        Assert.Contains(
            "'Cheap' is not a pricing strategy; use one of SyncCostAndPrice, CostOnly, None, NoneOnUpdate",
            refused.Problems.Single(p => p.Path.EndsWith("PricingStrategy", StringComparison.Ordinal)).Message);
    }

    [Fact]
    public void A_rule_broken_by_a_row_is_reported_at_the_column_to_fix()
    {
        var row = new Dictionary<string, string?>
        {
            ["Source"] = "Pax8", ["CustomerId"] = "c-1", ["CompanyAction"] = "Create", ["CompanyId"] = "12", ["ContractAction"] = "Create",
        };
        var problems = new List<MappingProblem>();

        Assert.Null(CustomerMappingCsv.FromRow(row, 7, problems));

        Assert.Equal("row 7, column CompanyId", Assert.Single(problems).Path);
    }

    [Fact]
    public void A_short_hand_made_csv_with_ids_only_means_existing_company_and_contract()
    {
        var row = new Dictionary<string, string?> { ["source"] = "Pax8", ["customerid"] = "c-1", ["CompanyId"] = "12", ["ContractId"] = "34", ["PSComputerName"] = "x" };

        var mapping = Assert.Single(CustomerMappingCsv.FromRows(new[] { row }));

        Assert.Equal(MappingAction.Existing, mapping.CompanyAction);
        Assert.Equal(34, mapping.ContractId);
        Assert.True(mapping.Export);
    }

    [Fact]
    public void A_row_without_the_key_columns_names_them()
    {
        var refused = Assert.Throws<MappingValidationException>(
            () => ServiceMappingCsv.FromRows(new[] { new Dictionary<string, string?> { ["ServiceId"] = "5" } }));

        Assert.Contains(refused.Problems, p => p.Path == "row 1, column Source" && p.Message.Contains("missing"));
        Assert.Contains(refused.Problems, p => p.Path == "row 1, column Sku");
    }

    [Fact]
    public void A_date_written_by_export_csv_in_the_current_culture_reads_back_as_the_same_date()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("en-US");
            var exported = new DateTime(2024, 5, 1, 0, 0, 0, DateTimeKind.Utc).ToString(CultureInfo.CurrentCulture);
            var row = new Dictionary<string, string?>
            {
                ["Source"] = "Pax8", ["CustomerId"] = "c-1", ["CompanyId"] = "12", ["ContractId"] = "34", ["SyncStartDate"] = exported,
            };

            var mapping = Assert.Single(CustomerMappingCsv.FromRows(new[] { row }));

            Assert.Equal(new DateTime(2024, 5, 1, 0, 0, 0, DateTimeKind.Utc), mapping.SyncStartDate);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
