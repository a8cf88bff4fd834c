using Autotask.Billing.Mapping;

namespace Autotask.Billing.Reconciliation;

/// <summary>
/// The customer and SKU mappings of a billing line, remembered for the next line: a vendor file lists a customer's
/// lines together, so most lines repeat the previous line's spelling and need no lookup (each lookup builds its key).
/// </summary>
internal sealed class LineMappingLookup
{
    private string? _source;
    private string? _customerId;
    private string? _sku;
    private CustomerMapping? _customer;
    private ServiceMapping? _service;

    public (CustomerMapping? Customer, ServiceMapping? Service) Find(MappingDocument mapping, string source, string customerId, string sku)
    {
        var sameSource = string.Equals(source, _source, StringComparison.Ordinal);
        if (!sameSource || !string.Equals(customerId, _customerId, StringComparison.Ordinal))
        {
            _customer = mapping.FindCustomer(source, customerId);
            _customerId = customerId;
        }

        if (!sameSource || !string.Equals(sku, _sku, StringComparison.Ordinal))
        {
            _service = mapping.FindService(source, sku);
            _sku = sku;
        }

        _source = source;
        return (_customer, _service);
    }
}
