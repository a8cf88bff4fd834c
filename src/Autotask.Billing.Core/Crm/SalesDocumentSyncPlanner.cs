using System.Globalization;
using Autotask.Billing.Autotask;
using Autotask.Billing.Autotask.Entities;
using Autotask.Billing.Autotask.Query;
using Autotask.Billing.Mapping;
using Autotask.Billing.Sync;

namespace Autotask.Billing.Crm;

/// <summary>
/// PLAN for Sync-AtQuote. Each document becomes one opportunity (the one given, else the company's opportunity named
/// after the document's custom name or number, else a new one) with one primary quote (found by the document number
/// kept in externalQuoteNumber, else the opportunity's primary quote: one to one, as Autotask requires) whose items
/// follow the document's lines: added, changed or removed. A sales order is the billing extension of its quote: the
/// opportunity is closed so that Autotask opens the sales order (the API cannot create one). A document is held back,
/// with the reason, when its customer is not synced yet, its sales rep maps to no resource, it has no or unknown
/// payment terms (required for export, as ChannelOnline requires), or a line names nothing Autotask has. Reads are
/// bulk: resources, catalog, the companies' opportunities, their quotes and the quotes' items, once each.
/// </summary>
public static class SalesDocumentSyncPlanner
{
    public static async Task<SalesDocumentSyncPlan> PlanAsync(
        IEnumerable<SalesDocument> documents,
        AutotaskClient client,
        MappingDocument mappings,
        SalesDocumentSyncOptions options,
        CancellationToken cancellationToken = default)
    {
        if (documents is null || client is null || mappings is null || options is null)
        {
            throw new ArgumentNullException(documents is null ? nameof(documents) : client is null ? nameof(client) : mappings is null ? nameof(mappings) : nameof(options));
        }

        var before = client.Requests.Total;
        var list = documents.Where(static d => d is not null).GroupBy(static d => MappingKeys.Of(d.Source, d.DocumentNumber), MappingKeys.Comparer).Select(static g => g.Last()).ToList();
        var read = await Reads.LoadAsync(client, list, mappings, cancellationToken).ConfigureAwait(false);
        var builder = new Builder(read, mappings, options);
        foreach (var document in list)
        {
            builder.Add(document);
        }

        var operations = builder.Operations;
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < operations.Count; i++)
        {
            operations[i].OperationId = (i + 1).ToString("D4", CultureInfo.InvariantCulture);
            ids[operations[i].Key] = operations[i].OperationId;
        }

        foreach (var operation in operations)
        {
            operation.DependsOn = operation.DependencyKeys.Distinct().Select(key => ids[key]).ToList();
        }

        return new SalesDocumentSyncPlan(client, operations, builder.Writes, list.Count, builder.InStep, client.Requests.Total - before);
    }

    /// <summary>Everything planning reads from Autotask, in bulk.</summary>
    private sealed class Reads
    {
        public IReadOnlyList<Resource> Resources { get; private set; } = Array.Empty<Resource>();

        public IReadOnlyList<Product> Products { get; private set; } = Array.Empty<Product>();

        public IReadOnlyList<Service> Services { get; private set; } = Array.Empty<Service>();

        public IReadOnlyList<BillingCode> BillingCodes { get; private set; } = Array.Empty<BillingCode>();

        public IReadOnlyList<Opportunity> Opportunities { get; private set; } = Array.Empty<Opportunity>();

        public IReadOnlyList<Quote> Quotes { get; private set; } = Array.Empty<Quote>();

        public IReadOnlyList<QuoteItem> Items { get; private set; } = Array.Empty<QuoteItem>();

        public IReadOnlyList<EntityFieldInformation> QuoteFields { get; private set; } = Array.Empty<EntityFieldInformation>();

        public IReadOnlyList<EntityFieldInformation> OpportunityFields { get; private set; } = Array.Empty<EntityFieldInformation>();

        public IReadOnlyList<EntityFieldInformation> ItemFields { get; private set; } = Array.Empty<EntityFieldInformation>();

        public static async Task<Reads> LoadAsync(AutotaskClient client, IReadOnlyList<SalesDocument> documents, MappingDocument mappings, CancellationToken token)
        {
            var reads = new Reads();
            if (documents.Count == 0)
            {
                return reads;
            }

            var companies = documents
                .Select(d => mappings.FindCustomer(d.Source, d.CustomerId) is { CompanyAction: MappingAction.Existing, CompanyId: long id } ? id : (long?)null)
                .Where(static id => id is not null).Select(static id => id!.Value).Distinct().ToList();
            var lineTypes = new HashSet<SalesLineType>(documents.SelectMany(static d => d.Lines).Select(static l => l.LineType));
            reads.Resources = await client.QueryLargeAsync<Resource>(AutotaskQuery.Where(AutotaskFilter.Eq("isActive", true)).WithIncludeFields("id", "userName", "email"), token).ConfigureAwait(false);
            if (lineTypes.Contains(SalesLineType.Product))
            {
                reads.Products = await client.QueryLargeAsync<Product>(AutotaskQuery.All.WithIncludeFields("id", "sku", "name"), token).ConfigureAwait(false);
            }

            if (lineTypes.Contains(SalesLineType.Service))
            {
                reads.Services = await client.QueryLargeAsync<Service>(AutotaskQuery.All.WithIncludeFields("id", "sku", "name"), token).ConfigureAwait(false);
            }

            if (lineTypes.Contains(SalesLineType.Labor))
            {
                reads.BillingCodes = await client.QueryLargeAsync<BillingCode>(AutotaskQuery.All.WithIncludeFields("id", "name"), token).ConfigureAwait(false);
            }

            reads.QuoteFields = await client.GetFieldsAsync("Quotes", token).ConfigureAwait(false);
            reads.OpportunityFields = await client.GetFieldsAsync("Opportunities", token).ConfigureAwait(false);
            reads.ItemFields = await client.GetFieldsAsync("QuoteItems", token).ConfigureAwait(false);
            if (companies.Count > 0)
            {
                reads.Opportunities = await client.QueryInAsync<Opportunity>("companyID", companies, AutotaskQuery.All.WithIncludeFields("id", "companyID", "title", "status", "salesOrderID"), token).ConfigureAwait(false);
            }

            if (reads.Opportunities.Count > 0)
            {
                reads.Quotes = await client.QueryInAsync<Quote>("opportunityID", reads.Opportunities.Select(static o => o.Id), AutotaskQuery.All.WithIncludeFields("id", "opportunityID", "name", "primaryQuote", "externalQuoteNumber", "paymentTerm", "shippingType"), token).ConfigureAwait(false);
            }

            if (reads.Quotes.Count > 0)
            {
                reads.Items = await client.QueryInAsync<QuoteItem>("quoteID", reads.Quotes.Select(static q => q.Id), AutotaskQuery.All.WithIncludeFields("id", "quoteID", "quoteItemType", "productID", "serviceID", "laborID", "quantity", "unitPrice", "unitCost", "sortOrderID"), token).ConfigureAwait(false);
            }

            return reads;
        }
    }

    private sealed class Builder
    {
        private readonly Reads _read;
        private readonly MappingDocument _mappings;
        private readonly SalesDocumentSyncOptions _options;

        public Builder(Reads read, MappingDocument mappings, SalesDocumentSyncOptions options)
        {
            _read = read;
            _mappings = mappings;
            _options = options;
        }

        public List<SyncOperation> Operations { get; } = new();

        public Dictionary<string, CrmWrite> Writes { get; } = new(StringComparer.Ordinal);

        public int InStep { get; private set; }

        public void Add(SalesDocument document)
        {
            var target = $"{document.DocumentType} {document.DocumentNumber} ({document.Source})";
            if (Resolve(document) is not { } resolved)
            {
                return;
            }

            var (companyId, ownerId, paymentTerm, shippingType, lines) = resolved;
            var before = Operations.Count;
            var title = AutotaskText.Truncate(document.OpportunityName ?? document.DocumentNumber, 128)!;
            var opportunity = document.OpportunityId is long given
                ? _read.Opportunities.FirstOrDefault(o => o.Id == given)
                : _read.Opportunities.Where(o => o.CompanyID == companyId && string.Equals(o.Title, title, StringComparison.OrdinalIgnoreCase)).OrderBy(static o => o.Id).FirstOrDefault();
            if (document.OpportunityId is long wanted && (opportunity is null || opportunity.CompanyID != companyId))
            {
                HoldBack(document, SyncOperationKind.UpdateQuote, $"opportunity {wanted} is not an opportunity of the customer's company {companyId}; attach the document to one of its opportunities");
                return;
            }

            string? opportunityKey = null;
            var expiration = document.ExpirationDate ?? (document.DocumentDate ?? _options.Today).AddDays(_options.QuoteValidDays);
            if (opportunity is null)
            {
                opportunityKey = Key(SyncOperationKind.CreateOpportunity);
                var stage = Stage();
                Operations.Add(Operation(opportunityKey, document, SyncOperationKind.CreateOpportunity, "Opportunities", target,
                    $"create opportunity '{title}' for company {companyId}, amount {Money(document.Total)}"));
                Writes[opportunityKey] = new CrmWrite
                {
                    Create = new Opportunity
                    {
                        CompanyID = companyId,
                        Title = title,
                        OwnerResourceID = ownerId,
                        Stage = stage,
                        Status = Picklist(_read.OpportunityFields, "status", "Active"),
                        Probability = 50,
                        ProjectedCloseDate = expiration,
                        Amount = document.Total,
                        Cost = document.Lines.Sum(static l => l.Quantity * (l.UnitCost ?? 0m)),
                        UseQuoteTotals = true,
                    },
                };
            }

            var quotes = opportunity is null ? new List<Quote>() : _read.Quotes.Where(q => q.OpportunityID == opportunity.Id).ToList();
            var quote = quotes.FirstOrDefault(q => string.Equals(q.ExternalQuoteNumber, document.DocumentNumber, StringComparison.OrdinalIgnoreCase))
                ?? quotes.FirstOrDefault(static q => q.PrimaryQuote == true);
            string? quoteKey = null;
            var name = AutotaskText.Truncate(document.OpportunityName is null ? document.DocumentNumber : $"{document.OpportunityName} ({document.DocumentNumber})", 100)!;
            if (quote is null)
            {
                quoteKey = Key(SyncOperationKind.CreateQuote);
                var create = Operation(quoteKey, document, SyncOperationKind.CreateQuote, "Quotes", target,
                    $"create primary quote '{name}': terms {document.PaymentTerms}" + (document.ShippingType is null ? string.Empty : $", shipping {document.ShippingType}") + $", {lines.Count} lines, {Money(document.Total)}");
                if (opportunityKey is not null)
                {
                    create.DependencyKeys.Add(opportunityKey);
                }

                Operations.Add(create);
                Writes[quoteKey] = new CrmWrite
                {
                    Create = new Quote
                    {
                        CompanyID = companyId,
                        Name = name,
                        EffectiveDate = document.DocumentDate ?? _options.Today,
                        ExpirationDate = expiration,
                        PrimaryQuote = true,
                        ExternalQuoteNumber = document.DocumentNumber,
                        PaymentTerm = paymentTerm,
                        ShippingType = shippingType,
                    },
                    ParentId = opportunity?.Id,
                    ParentOperationKey = opportunityKey,
                };
            }
            else
            {
                var changes = new Dictionary<string, object?>(StringComparer.Ordinal);
                var words = new List<string>();
                if (quote.PaymentTerm != paymentTerm)
                {
                    changes["paymentTerm"] = paymentTerm;
                    words.Add($"terms → {document.PaymentTerms}");
                }

                if (shippingType is not null && quote.ShippingType != shippingType)
                {
                    changes["shippingType"] = shippingType;
                    words.Add($"shipping → {document.ShippingType}");
                }

                if (!string.Equals(quote.ExternalQuoteNumber, document.DocumentNumber, StringComparison.Ordinal))
                {
                    changes["externalQuoteNumber"] = document.DocumentNumber;
                    words.Add($"document number → {document.DocumentNumber}");
                }

                if (quote.PrimaryQuote != true)
                {
                    changes["primaryQuote"] = true;
                    words.Add("make primary");
                }

                if (changes.Count > 0)
                {
                    var key = Key(SyncOperationKind.UpdateQuote);
                    Operations.Add(Operation(key, document, SyncOperationKind.UpdateQuote, "Quotes", target, $"update quote {quote.Id}: " + string.Join("; ", words)));
                    Writes[key] = new CrmWrite { ExistingId = quote.Id, Changes = changes };
                }
            }

            PlanItems(document, target, quote, quoteKey, lines);
            if (document.DocumentType == SalesDocumentType.SalesOrder && opportunity?.SalesOrderID is null)
            {
                var closeKey = Key(SyncOperationKind.UpdateOpportunity);
                var close = Operation(closeKey, document, SyncOperationKind.UpdateOpportunity, "Opportunities", target,
                    $"close opportunity '{title}' as won, so that Autotask opens its sales order");
                close.DependencyKeys.AddRange(Operations.Skip(before).Select(static op => op.Key));
                Operations.Add(close);
                Writes[closeKey] = new CrmWrite
                {
                    ExistingId = opportunity?.Id,
                    ParentOperationKey = opportunityKey,
                    Changes = new Dictionary<string, object?> { ["status"] = Picklist(_read.OpportunityFields, "status", "Closed") },
                };
            }

            if (Operations.Count == before)
            {
                InStep++;
            }
        }

        private void PlanItems(SalesDocument document, string target, Quote? quote, string? quoteKey, IReadOnlyList<(SalesDocumentLine, int, long)> lines)
        {
            var existing = quote is null ? new List<QuoteItem>() : _read.Items.Where(i => i.QuoteID == quote.Id).OrderBy(static i => i.SortOrderID ?? int.MaxValue).ThenBy(static i => i.Id).ToList();
            var taken = new HashSet<long>();
            var sort = 0;
            foreach (var (line, type, recordId) in lines)
            {
                sort++;
                var match = existing.FirstOrDefault(i => !taken.Contains(i.Id) && i.QuoteItemType == type && RecordOf(i) == recordId);
                if (match is null)
                {
                    var key = Key(SyncOperationKind.CreateQuoteItem);
                    var add = Operation(key, document, SyncOperationKind.CreateQuoteItem, "QuoteItems", target,
                        $"add {line.Quantity.ToString("0.##", CultureInfo.InvariantCulture)} × {line.Sku} at {Money(line.UnitPrice)} (cost {Money(line.UnitCost)})");
                    if (quoteKey is not null)
                    {
                        add.DependencyKeys.Add(quoteKey);
                    }

                    Operations.Add(add);
                    Writes[key] = new CrmWrite
                    {
                        Create = new QuoteItem
                        {
                            QuoteItemType = type,
                            ProductID = line.LineType == SalesLineType.Product ? recordId : null,
                            ServiceID = line.LineType == SalesLineType.Service ? recordId : null,
                            LaborID = line.LineType == SalesLineType.Labor ? recordId : null,
                            Name = AutotaskText.Truncate(line.Description, 100),
                            Quantity = line.Quantity,
                            UnitPrice = line.UnitPrice,
                            UnitCost = line.UnitCost,
                            UnitDiscount = 0m,
                            LineDiscount = 0m,
                            PercentageDiscount = 0m,
                            IsOptional = false,
                            SortOrderID = sort,
                        },
                        ParentId = quote?.Id,
                        ParentOperationKey = quoteKey,
                    };
                    continue;
                }

                taken.Add(match.Id);
                var changes = new Dictionary<string, object?>(StringComparer.Ordinal);
                if (match.Quantity != line.Quantity)
                {
                    changes["quantity"] = line.Quantity;
                }

                if (line.UnitPrice is not null && match.UnitPrice != line.UnitPrice)
                {
                    changes["unitPrice"] = line.UnitPrice;
                }

                if (line.UnitCost is not null && match.UnitCost != line.UnitCost)
                {
                    changes["unitCost"] = line.UnitCost;
                }

                if (changes.Count > 0)
                {
                    var key = Key(SyncOperationKind.UpdateQuoteItem);
                    Operations.Add(Operation(key, document, SyncOperationKind.UpdateQuoteItem, "QuoteItems", target,
                        $"change {line.Sku}: quantity {Number(match.Quantity)} → {Number(line.Quantity)}, price {Money(match.UnitPrice)} → {Money(line.UnitPrice ?? match.UnitPrice)}, cost {Money(match.UnitCost)} → {Money(line.UnitCost ?? match.UnitCost)}"));
                    Writes[key] = new CrmWrite { ExistingId = match.Id, ParentId = quote!.Id, Changes = changes };
                }
            }

            foreach (var extra in existing.Where(i => !taken.Contains(i.Id)))
            {
                var key = Key(SyncOperationKind.DeleteQuoteItem);
                Operations.Add(Operation(key, document, SyncOperationKind.DeleteQuoteItem, "QuoteItems", target,
                    $"remove quote item {extra.Id} ({Number(extra.Quantity)} units), which the document no longer has"));
                Writes[key] = new CrmWrite { ExistingId = extra.Id, ParentId = quote!.Id };
            }
        }

        private static long? RecordOf(QuoteItem item) => item.ProductID ?? item.ServiceID ?? item.LaborID;

        /// <summary>The company, owner, terms, shipping type and line records, or null when the document is held back.</summary>
        private (long CompanyId, long OwnerId, int PaymentTerm, int? ShippingType, IReadOnlyList<(SalesDocumentLine, int, long)> Lines)? Resolve(SalesDocument document)
        {
            if (_mappings.FindCustomer(document.Source, document.CustomerId) is not { CompanyAction: MappingAction.Existing, CompanyId: long companyId })
            {
                HoldBack(document, SyncOperationKind.CreateQuote, $"its customer {document.CustomerId} is not synced to Autotask yet; push the customer with Sync-AtCompany first");
                return null;
            }

            // A run's -SalesRep wins over the pairs stored with Set-AtBillingSetting -SalesRep.
            var rep = document.SalesRep is null ? null
                : _options.SalesReps.TryGetValue(document.SalesRep, out var mapped) ? mapped
                : _mappings.Settings.SalesReps.TryGetValue(document.SalesRep, out var stored) ? stored
                : document.SalesRep;
            var owner = rep is null ? null : _read.Resources.FirstOrDefault(r => string.Equals(r.UserName, rep, StringComparison.OrdinalIgnoreCase) || string.Equals(r.Email, rep, StringComparison.OrdinalIgnoreCase));
            if (owner is null)
            {
                HoldBack(document, SyncOperationKind.CreateQuote, document.SalesRep is null
                    ? "it names no sales rep; every document needs one, mapped to an Autotask resource"
                    : $"sales rep '{document.SalesRep}' is not mapped to an active Autotask resource; map it with Set-AtBillingSetting -SalesRep @{{ '{document.SalesRep}' = '<resource user name>' }}");
                return null;
            }

            if (document.PaymentTerms is null)
            {
                HoldBack(document, SyncOperationKind.CreateQuote, "it has no payment terms, which are required for export; choose them on the document");
                return null;
            }

            if (Picklist(_read.QuoteFields, "paymentTerm", document.PaymentTerms) is not int terms)
            {
                HoldBack(document, SyncOperationKind.CreateQuote, $"payment terms '{document.PaymentTerms}' are not an Autotask payment term");
                return null;
            }

            int? shipping = null;
            if (document.ShippingType is not null && (shipping = Picklist(_read.QuoteFields, "shippingType", document.ShippingType)) is null)
            {
                HoldBack(document, SyncOperationKind.CreateQuote, $"shipping type '{document.ShippingType}' is not an Autotask shipping type");
                return null;
            }

            var lines = new List<(SalesDocumentLine, int, long)>();
            foreach (var line in document.Lines)
            {
                var record = line.LineType switch
                {
                    SalesLineType.Product => _mappings.FindService(document.Source, line.Sku)?.ProductId
                        ?? _read.Products.Where(p => string.Equals(p.Sku?.Trim(), line.Sku, StringComparison.OrdinalIgnoreCase)).Select(static p => (long?)p.Id).Min(),
                    SalesLineType.Service => _mappings.FindService(document.Source, line.Sku)?.ServiceId
                        ?? _read.Services.Where(s => string.Equals(s.Sku?.Trim(), line.Sku, StringComparison.OrdinalIgnoreCase) || string.Equals(s.Name?.Trim(), line.Sku, StringComparison.OrdinalIgnoreCase)).Select(static s => (long?)s.Id).Min(),
                    _ => _read.BillingCodes.Where(b => string.Equals(b.Name?.Trim(), line.Sku, StringComparison.OrdinalIgnoreCase)).Select(static b => (long?)b.Id).Min(),
                };
                var type = Picklist(_read.ItemFields, "quoteItemType", line.LineType.ToString());
                if (record is null || type is null)
                {
                    HoldBack(document, SyncOperationKind.CreateQuote, line.LineType == SalesLineType.Product
                        ? $"line {line.Sku} names no Autotask product; push the catalog with Sync-AtProduct first"
                        : $"line {line.Sku} names no Autotask {line.LineType.ToString().ToLowerInvariant()}");
                    return null;
                }

                lines.Add((line, type.Value, record.Value));
            }

            return (companyId, owner.Id, terms, shipping, lines);
        }

        private int? Stage()
        {
            var stages = _read.OpportunityFields.FirstOrDefault(static f => string.Equals(f.Name, "stage", StringComparison.OrdinalIgnoreCase))?.PicklistValues;
            if (_options.OpportunityStage is { } label)
            {
                return Picklist(_read.OpportunityFields, "stage", label) ?? throw new ArgumentException($"'{label}' is not an opportunity stage in Autotask.", nameof(label));
            }

            return stages?.Where(static v => v.IsActive).OrderBy(static v => v.SortOrder ?? int.MaxValue)
                .Select(static v => int.TryParse(v.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : (int?)null).FirstOrDefault();
        }

        private void HoldBack(SalesDocument document, SyncOperationKind kind, string reason) =>
            Operations.Add(Operation(Key(kind), document, kind, "Quotes", $"{document.DocumentType} {document.DocumentNumber} ({document.Source})", "held back: " + reason, reason));

        private string Key(SyncOperationKind kind) => kind + "\u001F" + Operations.Count.ToString(CultureInfo.InvariantCulture) + "\u001F" + Writes.Count.ToString(CultureInfo.InvariantCulture);

        private static SyncOperation Operation(string key, SalesDocument document, SyncOperationKind kind, string entity, string target, string action, string? problem = null) =>
            new(key, new SyncOperationDetails())
            {
                Kind = kind,
                Entity = entity,
                Target = target,
                Action = action,
                Impact = kind == SyncOperationKind.UpdateOpportunity ? SyncImpact.High : SyncImpact.Medium,
                Problem = problem,
                CustomerId = document.CustomerId,
            };

        private static int? Picklist(IReadOnlyList<EntityFieldInformation> fields, string field, string label) =>
            fields.FirstOrDefault(f => string.Equals(f.Name, field, StringComparison.OrdinalIgnoreCase))?.PicklistValues?
                .Where(v => string.Equals(v.Label.Trim(), label.Trim(), StringComparison.OrdinalIgnoreCase))
                .OrderByDescending(static v => v.IsActive)
                .Select(static v => int.TryParse(v.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : (int?)null)
                .FirstOrDefault(static v => v is not null);

        private static string Money(decimal? value) => value?.ToString("0.00", CultureInfo.InvariantCulture) ?? "none";

        private static string Number(decimal? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? "none";
    }
}
