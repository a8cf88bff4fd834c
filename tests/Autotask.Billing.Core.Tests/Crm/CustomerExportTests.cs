using Autotask.Billing.Crm;
using Autotask.Billing.Mapping;

namespace Autotask.Billing.Tests.Crm;

public sealed class CustomerExportTests
{
    [Fact]
    public async Task Companies_pulled_to_a_file_read_back_and_pushed_again_write_nothing_and_keep_their_pairing()
    {
        using var tenant = new CrmTenant();
        var company = tenant.InsertCompany("Kilo Clinics");
        tenant.InsertContact(company, "Pat", "Quinn", "pat@kilo.test", phone: "555-0700", primary: true);
        tenant.InsertContact(company, "Rae", "Stone", "rae@kilo.test");
        using var client = await tenant.ConnectAsync();
        var reader = new CrmReader(client);

        var companies = await reader.ReadCompaniesAsync(new[] { company }, null, false, includeInactive: false);
        var contacts = await reader.ReadContactsAsync(new[] { company }, includeInactive: false);
        var customers = CustomerExport.ToCustomers("Work365", companies, contacts, tenant.Document, ContactSelection.Primary);
        var path = tenant.File("pulled.csv");
        await CustomerExport.WriteCsvAsync(path, customers, overwrite: false);
        tenant.Document = CustomerExport.RecordPairings(tenant.Document, customers, companies, DateTime.UtcNow);

        var customer = Assert.Single(customers);
        Assert.Equal(company.ToString(System.Globalization.CultureInfo.InvariantCulture), customer.CustomerId);
        Assert.Equal("pat@kilo.test", Assert.Single(customer.Contacts).EmailAddress);
        Assert.Equal(company, tenant.Document.FindCustomer("Work365", customer.CustomerId)!.CompanyId);
        var read = Assert.Single(CustomerFileReader.Read(path, null));
        Assert.Equal(("Work365", "Kilo Clinics", "555-0100"), (read.Source, read.CustomerName, read.Phone));

        var writes = tenant.Writes;
        var (plan, summary, _) = await tenant.PushAsync(new[] { read });
        Assert.Empty(plan.Operations);
        Assert.Equal(0, summary.Total);
        Assert.Equal(writes, tenant.Writes);
        Assert.Throws<global::Autotask.Billing.Reporting.ReportFileExistsException>(
            () => CustomerExport.WriteCsvAsync(path, customers, overwrite: false).GetAwaiter().GetResult());
    }
}
