namespace Autotask.Billing.Crm;

/// <summary>A quote, or a sales order (in Autotask the billing extension of a won, closed opportunity's quote).</summary>
public enum SalesDocumentType
{
    Quote,
    SalesOrder,
}
