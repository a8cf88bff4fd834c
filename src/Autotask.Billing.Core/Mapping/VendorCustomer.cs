namespace Autotask.Billing.Mapping;

/// <summary>A customer as the vendor knows it, to be matched to an Autotask company.</summary>
public sealed class VendorCustomer
{
    public VendorCustomer(string source, string customerId, string customerName, string? domain = null)
    {
        Source = MappingKeys.RequireText(source, nameof(source));
        CustomerId = MappingKeys.RequireText(customerId, nameof(customerId));
        CustomerName = customerName ?? string.Empty;
        Domain = domain;
    }

    public string Source { get; }

    public string CustomerId { get; }

    public string CustomerName { get; }

    /// <summary>The customer's e-mail or tenant domain, e.g. <c>contoso.com</c> or <c>contoso.onmicrosoft.com</c>.</summary>
    public string? Domain { get; }
}
