using System.Reflection;
using Autotask.Billing.Mapping;
using Autotask.Billing.Reporting;

namespace Autotask.Billing.Tests.Mapping;

public sealed class MappingSpreadsheetTextTests
{
    private static readonly string[] Formulas =
    {
        "=HYPERLINK(\"http://evil.example/x\",\"Contoso\")", "+1 555 0100", "-2+3+cmd|' /C calc'!A0", "@SUM(A1:A9)",
        "'=already quoted", "=cmd|' /C calc'!A0",
    };

    private static CustomerMapping Customer() => new("=Source", "-42")
    {
        CustomerName = "=cmd|' /C calc'!A0",
        CompanyAction = MappingAction.Create,
        ContractAction = MappingAction.Create,
        Export = false,
        PricingStrategy = PricingStrategy.CostOnly,
        SyncStartDate = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc),
        Phone = "+1 555 0100",
        Address = "@1 Main Street",
        City = "-Springfield",
        State = "+State",
        PostalCode = "=12345",
        WebAddress = "@contoso.example",
        Notes = "'=already quoted",
        CreatedUtc = new DateTime(2026, 10, 1, 8, 0, 0, DateTimeKind.Utc),
        UpdatedUtc = new DateTime(2026, 10, 2, 8, 0, 0, DateTimeKind.Utc),
    };

    private static ServiceMapping Service() => new("@Source", "+SKU-1")
    {
        Action = MappingAction.Create,
        NameTemplate = "=PC_{Sku}",
        Excluded = true,
        Notes = "-negotiated",
        CreatedUtc = new DateTime(2026, 10, 1, 8, 0, 0, DateTimeKind.Utc),
    };

    [Fact]
    public void Every_text_property_of_an_emitted_mapping_is_guarded_and_nothing_else_changes()
    {
        AssertGuarded(Customer(), MappingSpreadsheetText.Guarded(Customer()));
        AssertGuarded(Service(), MappingSpreadsheetText.Guarded(Service()));
        var customer = new VendorCustomer("Generic", "-7", "=HYPERLINK(\"x\")", "@contoso.example");
        AssertGuarded(customer, MappingSpreadsheetText.Guarded(customer));
    }

    [Fact]
    public void A_mapping_with_every_property_set_comes_back_whole_from_guarding_and_restoring()
    {
        // Every settable property is given a value by reflection, so one added later and left out of the copies fails
        // here (records compare every property).
        var customer = EveryPropertySet(new CustomerMapping("=Source", "-42"));
        var service = EveryPropertySet(new ServiceMapping("@Source", "+SKU-1"));

        Assert.Equal(customer, MappingSpreadsheetText.Restored(MappingSpreadsheetText.Guarded(customer)));
        Assert.Equal(service, MappingSpreadsheetText.Restored(MappingSpreadsheetText.Guarded(service)));
        AssertGuarded(customer, MappingSpreadsheetText.Guarded(customer));
        AssertGuarded(service, MappingSpreadsheetText.Guarded(service));
    }

    [Fact]
    public void Every_text_property_of_an_emitted_proposal_is_guarded_and_nothing_else_changes()
    {
        var customer = new VendorCustomer("Generic", "-7", "=HYPERLINK(\"x\")");
        var best = new MatchCandidate(31, "+Contoso", 0.9, CompanyMatchRule.Domain, isActive: true);
        var proposal = new MatchProposal(customer, best, 0.9, isAccepted: false, isAmbiguous: false, "-by domain", new[] { best });
        AssertGuarded(proposal, MappingSpreadsheetText.Guarded(proposal));

        var item = new SkuMatchCandidate(CatalogItemKind.Service, 12, "=Service", isActive: true, 1.0, SkuMatchRule.ServiceName);
        var sku = new SkuMatchProposal("Generic", "@SKU", CatalogItemKind.Service, item, 1.0, isAccepted: true, isAmbiguous: false, "named so", new[] { item });
        AssertGuarded(sku, MappingSpreadsheetText.Guarded(sku));
    }

    [Fact]
    public void An_exported_row_of_a_guarded_mapping_reads_back_to_the_stored_text()
    {
        var original = Customer();
        var row = Imported(CustomerMappingCsv.ToRow(MappingSpreadsheetText.Guarded(original)));
        Assert.DoesNotContain(row.Values, IsFormula);

        MappingSpreadsheetText.Restore(row);
        var problems = new List<MappingProblem>();
        var back = CustomerMappingCsv.FromRow(row, 1, problems);

        Assert.Empty(problems);
        Assert.Equal(original with { CreatedUtc = null, UpdatedUtc = null }, back);
        Assert.Equal(original, MappingSpreadsheetText.Restored(MappingSpreadsheetText.Guarded(original)));

        var service = Service();
        var serviceRow = Imported(ServiceMappingCsv.ToRow(MappingSpreadsheetText.Guarded(service)));
        Assert.DoesNotContain(serviceRow.Values, IsFormula);
        MappingSpreadsheetText.Restore(serviceRow);
        Assert.Equal(service with { CreatedUtc = null }, ServiceMappingCsv.FromRow(serviceRow, 1, problems));
        Assert.Empty(problems);
    }

    [Theory]
    [MemberData(nameof(FormulaTexts))]
    public void Guarding_and_restoring_a_row_gives_back_the_text_exactly(string text)
    {
        var row = new Dictionary<string, string?> { ["Notes"] = SpreadsheetText.Guard(text) };

        MappingSpreadsheetText.Restore(row);

        Assert.Equal(text, row["Notes"]);
    }

    public static IEnumerable<object[]> FormulaTexts() => Formulas.Select(f => new object[] { f });

    private static Dictionary<string, string?> Imported(IReadOnlyList<KeyValuePair<string, string>> row) =>
        row.ToDictionary(pair => pair.Key, pair => (string?)pair.Value);

    // A cell a spreadsheet would run: text (not a number) starting with = + - @, a tab or a return.
    private static bool IsFormula(string? cell) =>
        cell is { Length: > 0 } && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r'
        && !decimal.TryParse(cell, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);

    private static T EveryPropertySet<T>(T mapping)
        where T : class
    {
        var copy = (T)typeof(T).GetMethod("<Clone>$")!.Invoke(mapping, null)!;
        foreach (var property in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is not null && p.Name != "EqualityContract"))
        {
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            object value = type == typeof(string) ? "=" + property.Name
                : type == typeof(bool) ? !(bool)(property.GetValue(copy) ?? false)
                : type == typeof(long) ? 31L
                : type == typeof(DateTime) ? new DateTime(2026, 9, 30, 7, 0, 0, DateTimeKind.Utc)
                : type.IsEnum ? Enum.GetValues(type).GetValue(Enum.GetValues(type).Length - 1)!
                : throw new InvalidOperationException($"{typeof(T).Name}.{property.Name} is a {type}: give it a value here.");
            property.SetValue(copy, value);
            Assert.NotEqual(property.GetValue(mapping), property.GetValue(copy));
        }

        return copy;
    }

    private static void AssertGuarded<T>(T original, T guarded)
    {
        var checkedText = 0;
        foreach (var property in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var before = property.GetValue(original);
            var after = property.GetValue(guarded);
            if (property.PropertyType == typeof(string))
            {
                Assert.Equal(SpreadsheetText.Guard((string?)before), after);
                Assert.False(IsFormula((string?)after), $"{typeof(T).Name}.{property.Name} is '{after}'");
                checkedText += IsFormula((string?)before) ? 1 : 0;
            }
            else
            {
                Assert.Equal(before, after);
            }
        }

        Assert.True(checkedText > 0);
    }
}
