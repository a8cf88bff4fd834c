using Autotask.Billing.Crm;
using Autotask.Billing.Tests.Mapping;

namespace Autotask.Billing.Tests.Crm;

public sealed class CustomerReaderTests
{
    [Fact]
    public void A_csv_export_with_one_row_per_contact_becomes_customers_with_their_contacts()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("customers.csv");
        File.WriteAllText(path,
            "AccountNumber;AccountName;Phone;City;ContactFirstName;ContactLastName;Email;ContactPhone;PrimaryContact\n"
            + "A1;Alpha Dental;555-0101;Springfield;Ann;Lee;ann@alpha.test;555-0102;yes\n"
            + "A1;Alpha Dental;555-0101;Springfield;Bo;Kim;bo@alpha.test;;no\n"
            + "B2;Beta Legal;;Shelbyville;;;;;\n");

        var customers = CustomerFileReader.Read(path, "ChannelOnline");

        Assert.Equal(2, customers.Count);
        var alpha = customers[0];
        Assert.Equal(("ChannelOnline", "A1", "Alpha Dental", "555-0101", "Springfield"), (alpha.Source, alpha.CustomerId, alpha.CustomerName, alpha.Phone, alpha.City));
        Assert.Equal(new[] { "ann@alpha.test", "bo@alpha.test" }, alpha.Contacts.Select(c => c.EmailAddress));
        Assert.True(alpha.Contacts[0].PrimaryContact);
        Assert.Equal("555-0102", alpha.Contacts[0].Phone);
        Assert.Null(alpha.Contacts[1].Phone);
        Assert.Empty(customers[1].Contacts);
        Assert.Null(customers[1].Phone);
    }

    [Fact]
    public void A_json_export_with_nested_contacts_is_read()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("customers.json");
        File.WriteAllText(path, """
            [ { "Source": "Work365", "CustomerId": "W-9", "CustomerName": "Zulu Ltd", "Phone": "555-0900",
                "Contacts": [ { "FirstName": "Zed", "LastName": "Ali", "EmailAddress": "zed@zulu.test", "Phone": "555-0901", "PrimaryContact": true } ] } ]
            """);

        var customer = Assert.Single(CustomerFileReader.Read(path, defaultSource: null));

        Assert.Equal("Work365", customer.Source);
        var contact = Assert.Single(customer.Contacts);
        Assert.Equal(("Zed", "Ali", "555-0901", true), (contact.FirstName, contact.LastName, contact.Phone, contact.PrimaryContact));
    }

    [Fact]
    public void A_contact_without_a_last_name_is_refused_with_where_it_is()
    {
        var reader = new CustomerRowReader("ChannelOnline");
        var row = new Dictionary<string, object?> { ["CustomerId"] = "A1", ["CustomerName"] = "Alpha", ["FirstName"] = "Ann", ["Email"] = "ann@alpha.test" };

        var error = Assert.Throws<CustomerInputException>(() => reader.Add(row, "object 3"));

        Assert.StartsWith("object 3:", error.Message, StringComparison.Ordinal);
        Assert.Contains("last name", error.Message, StringComparison.Ordinal);
    }
}
