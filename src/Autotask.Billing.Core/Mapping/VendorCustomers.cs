namespace Autotask.Billing.Mapping;

/// <summary>The distinct customers of many billing lines: one per source and customer id, the first name and domain seen.</summary>
public static class VendorCustomers
{
    public static IReadOnlyList<VendorCustomer> Distinct(IEnumerable<VendorCustomer> customers)
    {
        var byKey = new Dictionary<string, VendorCustomer>(MappingKeys.Comparer);
        var order = new List<string>();
        foreach (var customer in customers ?? throw new ArgumentNullException(nameof(customers)))
        {
            var key = MappingKeys.Of(customer.Source, customer.CustomerId);
            if (!byKey.TryGetValue(key, out var known))
            {
                byKey[key] = customer;
                order.Add(key);
            }
            else if ((string.IsNullOrWhiteSpace(known.CustomerName) && !string.IsNullOrWhiteSpace(customer.CustomerName))
                     || (string.IsNullOrWhiteSpace(known.Domain) && !string.IsNullOrWhiteSpace(customer.Domain)))
            {
                byKey[key] = new VendorCustomer(
                    known.Source,
                    known.CustomerId,
                    string.IsNullOrWhiteSpace(known.CustomerName) ? customer.CustomerName : known.CustomerName,
                    string.IsNullOrWhiteSpace(known.Domain) ? customer.Domain : known.Domain);
            }
        }

        return order.Select(key => byKey[key]).ToList();
    }
}
