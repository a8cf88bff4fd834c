namespace Autotask.Billing.Crm;

/// <summary>
/// A quote or sales order of a sales system (ChannelOnline), as Sync-AtQuote pushes it into an Autotask opportunity
/// with one primary quote. Keyed by <see cref="Source"/> and <see cref="DocumentNumber"/>.
/// </summary>
public sealed class SalesDocument
{
    public SalesDocument(
        string source,
        string documentNumber,
        string customerId,
        IEnumerable<SalesDocumentLine> lines,
        SalesDocumentType documentType = SalesDocumentType.Quote,
        string? salesRep = null,
        string? paymentTerms = null,
        string? shippingType = null,
        string? opportunityName = null,
        long? opportunityId = null,
        DateTime? documentDate = null,
        DateTime? expirationDate = null)
    {
        Source = CrmText.Require(source, nameof(source));
        DocumentNumber = CrmText.Require(documentNumber, nameof(documentNumber));
        CustomerId = CrmText.Require(customerId, nameof(customerId));
        Lines = (lines ?? throw new ArgumentNullException(nameof(lines))).ToList();
        DocumentType = documentType;
        SalesRep = CrmText.Clean(salesRep);
        PaymentTerms = CrmText.Clean(paymentTerms);
        ShippingType = CrmText.Clean(shippingType);
        OpportunityName = CrmText.Clean(opportunityName);
        OpportunityId = opportunityId;
        DocumentDate = documentDate?.Date;
        ExpirationDate = expirationDate?.Date;
    }

    public string Source { get; }

    public string DocumentNumber { get; }

    public SalesDocumentType DocumentType { get; }

    /// <summary>The customer's id in the source system: it must be synced (Sync-AtCompany) before the document.</summary>
    public string CustomerId { get; }

    /// <summary>The sales rep in the source system, mapped one-to-one to an Autotask resource.</summary>
    public string? SalesRep { get; }

    /// <summary>Required for export, as ChannelOnline requires: an Autotask payment term by label.</summary>
    public string? PaymentTerms { get; }

    /// <summary>The shipping type (carrier) sent with the quote, by label.</summary>
    public string? ShippingType { get; }

    /// <summary>A custom opportunity name; without it the opportunity is named after the document number.</summary>
    public string? OpportunityName { get; }

    /// <summary>An existing opportunity to attach the quote to.</summary>
    public long? OpportunityId { get; }

    public DateTime? DocumentDate { get; }

    public DateTime? ExpirationDate { get; }

    public IReadOnlyList<SalesDocumentLine> Lines { get; }

    public decimal Total => Lines.Sum(static l => l.Quantity * (l.UnitPrice ?? 0m));

    public override string ToString() => $"{DocumentType} {DocumentNumber} ({Source}), {Lines.Count} lines";
}
