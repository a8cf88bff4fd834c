using Autotask.Billing.Mapping;

namespace Autotask.Billing.Tests.Mapping;

public sealed class CustomerMappingOptionsTests
{
    [Theory]
    [InlineData("  Billed through the parent company ", "Billed through the parent company")]
    [InlineData("   ", null)]
    [InlineData(null, null)]
    public void Notes_are_kept_as_a_csv_round_trip_reads_them_back(string? given, string? kept)
    {
        var mapping = new CustomerMappingOptions { Notes = given }.ApplyTo(new CustomerMapping("Generic", "C-1") { CompanyId = 11, ContractId = 22 });

        Assert.Equal(kept, mapping.Notes);
        var back = CustomerMappingCsv.FromRows(new[] { CustomerMappingCsv.ToRow(mapping).ToDictionary(p => p.Key, p => (string?)p.Value) });
        Assert.Equal(kept, Assert.Single(back).Notes);
    }
}
