using Autotask.Billing.Sandbox.Model;
using Autotask.Billing.Sandbox.Protocol;
using Autotask.Billing.Sandbox.Store;

namespace Autotask.Billing.Sandbox.Engine;

// What Autotask enforces or fills in per entity, beyond the generic required/reference/picklist checks.
internal sealed class BusinessRules
{
    private readonly SandboxTenant _tenant;

    public BusinessRules(SandboxTenant tenant)
    {
        _tenant = tenant;
    }

    private TenantStore Store => _tenant.Store;

    public void CompleteCreate(EntityDefinition entity, object?[] values, WriteContext context)
    {
        void Default(string field, object? value)
        {
            var definition = entity.FindField(field)!;
            values[definition.Ordinal] ??= value;
        }

        foreach (var field in entity.Fields.Where(f => f.IsPickList && values[f.Ordinal] == null))
        {
            var fallback = Store.Picklist(entity.Name, field.Name).FirstOrDefault(v => v.IsDefault && v.IsActive);
            if (fallback != null)
            {
                values[field.Ordinal] = (long)fallback.Value;
            }
        }

        switch (entity.Name)
        {
            case EntitySchemas.Companies:
                Default("isActive", true);
                Default("createDate", context.Now);
                Default("createdByResourceID", context.ActingResourceId);
                Default("impersonatorCreatorResourceID", context.ImpersonatorResourceId);
                Default("lastTrackedModifiedDateTime", context.Now);
                break;
            case EntitySchemas.Contacts:
                Default("createDate", context.Now);
                Default("lastModifiedDate", context.Now);
                Default("impersonatorCreatorResourceID", context.ImpersonatorResourceId);
                break;
            case EntitySchemas.Contracts:
                Default("lastModifiedDateTime", context.Now);
                break;
            case EntitySchemas.ContractServices:
                CompleteContractService(entity, values);
                break;
            case EntitySchemas.ContractCharges:
                Default("isBillableToCompany", true);
                Default("createDate", context.Now);
                Default("creatorResourceID", context.ActingResourceId);
                Default("statusLastModifiedBy", context.ActingResourceId);
                Default("statusLastModifiedDate", context.Now);
                CompleteCharge(entity, values);
                break;
            case EntitySchemas.Services:
                Default("isActive", true);
                Default("createDate", context.Now);
                Default("creatorResourceID", context.ActingResourceId);
                Default("lastModifiedDate", context.Now);
                Default("updateResourceID", context.ActingResourceId);
                break;
            case EntitySchemas.Opportunities:
                Default("createDate", context.Now);
                Default("creatorResourceID", context.ActingResourceId);
                Default("useQuoteTotals", true);
                break;
            case EntitySchemas.Quotes:
                Default("createDate", context.Now);
                Default("creatorResourceID", context.ActingResourceId);
                Default("isActive", true);
                break;
            case EntitySchemas.QuoteItems:
                Default("isTaxable", false);
                break;
            case EntitySchemas.Products:
                Default("createdTime", context.Now);
                Default("createdByResourceID", context.ActingResourceId);
                Default("impersonatorCreatorResourceID", context.ImpersonatorResourceId);
                break;
        }

        // Autotask never returns a boolean as null.
        foreach (var field in entity.Fields.Where(f => f.Type == FieldType.Boolean && values[f.Ordinal] == null))
        {
            values[field.Ordinal] = BooleanDefault(entity, field);
        }
    }

    // The value a boolean takes when a create or a PUT leaves it out.
    public static bool BooleanDefault(EntityDefinition entity, FieldDefinition field) => (entity.Name, field.Name) switch
    {
        (EntitySchemas.Companies, "isActive") => true,
        (EntitySchemas.Services, "isActive") => true,
        (EntitySchemas.ContractCharges, "isBillableToCompany") => true,
        _ => false,
    };

    public void CompleteUpdate(EntityDefinition entity, object?[] values, WriteContext context)
    {
        void Set(string field, object? value) => values[entity.FindField(field)!.Ordinal] = value;
        switch (entity.Name)
        {
            case EntitySchemas.Companies:
                Set("lastTrackedModifiedDateTime", context.Now);
                break;
            case EntitySchemas.Contacts:
                Set("lastModifiedDate", context.Now);
                break;
            case EntitySchemas.Contracts:
                Set("lastModifiedDateTime", context.Now);
                break;
            case EntitySchemas.ContractServices:
                Set("internalCurrencyAdjustedPrice", values[entity.FindField("adjustedPrice")!.Ordinal]);
                break;
            case EntitySchemas.ContractCharges:
                CompleteCharge(entity, values);
                break;
            case EntitySchemas.Services:
                Set("lastModifiedDate", context.Now);
                Set("updateResourceID", context.ActingResourceId);
                break;
        }

        foreach (var field in entity.Fields.Where(f => f.Type == FieldType.Boolean && values[f.Ordinal] == null))
        {
            values[field.Ordinal] = false;
        }
    }

    public void ValidateCreate(EntityDefinition entity, object?[] values)
    {
        object? Value(string field) => values[entity.FindField(field)!.Ordinal];
        switch (entity.Name)
        {
            case EntitySchemas.ContractServices:
                var contract = Store.Table(EntitySchemas.Contracts).Find((long)Value("contractID")!)!;
                _tenant.Recurring.RequireRecurringServiceContract(contract);
                var serviceIdField = entity.FindField("serviceID")!;
                var duplicate = Store.Table(EntitySchemas.ContractServices)
                    .IndexedRows(entity.FindField("contractID")!, contract.Id)!
                    .Any(r => Equals(r.Values[serviceIdField.Ordinal], Value("serviceID")));
                if (duplicate)
                {
                    throw new SandboxErrorException("The service is already on this contract.");
                }

                break;
            case EntitySchemas.Services:
                RequireBillingCode(Value("billingCodeID"), "Recurring Contract Service", "billingCodeID");
                break;
            case EntitySchemas.Products:
                RequireBillingCode(Value("productBillingCodeID"), "Material", "productBillingCodeID");
                break;
            case EntitySchemas.Quotes:
                var opportunity = Store.Table(EntitySchemas.Opportunities).Find((long)Value("opportunityID")!)!;
                if (!Equals(opportunity.Values[EntitySchemas.Field(EntitySchemas.Opportunities, "companyID").Ordinal], Value("companyID")))
                {
                    throw new SandboxErrorException("The quote's companyID must be the company of its opportunity.");
                }

                break;
        }

        ValidateCommon(entity, values);
    }

    public void ValidateUpdate(EntityDefinition entity, EntityRow row, object?[] values)
    {
        object? Value(string field) => values[entity.FindField(field)!.Ordinal];
        switch (entity.Name)
        {
            case EntitySchemas.Services when !Equals(Value("billingCodeID"), row.Values[entity.FindField("billingCodeID")!.Ordinal]):
                RequireBillingCode(Value("billingCodeID"), "Recurring Contract Service", "billingCodeID");
                break;
            case EntitySchemas.Products when !Equals(Value("productBillingCodeID"), row.Values[entity.FindField("productBillingCodeID")!.Ordinal]):
                RequireBillingCode(Value("productBillingCodeID"), "Material", "productBillingCodeID");
                break;
        }

        ValidateCommon(entity, values);
    }

    public void ValidateChangeAllowed(EntityDefinition entity, EntityRow row)
    {
        if (entity.Name == EntitySchemas.ContractCharges && Equals(row.Values[entity.FindField("isBilled")!.Ordinal], true))
        {
            throw new SandboxErrorException("The contract charge has been billed and can no longer be changed or deleted.");
        }
    }

    public void AfterCreate(EntityDefinition entity, EntityRow row, DateTime? serviceStart)
    {
        if (entity.Name == EntitySchemas.Companies)
        {
            CreatePrimaryLocation(entity, row);
            return;
        }

        if (KeepsSalesRules(entity, row))
        {
            return;
        }

        if (entity.Name != EntitySchemas.ContractServices)
        {
            return;
        }

        var contract = Store.Table(EntitySchemas.Contracts).Find((long)row.Values[entity.FindField("contractID")!.Ordinal]!)!;
        var start = (DateTime)contract.Values[EntitySchemas.Field(EntitySchemas.Contracts, "startDate").Ordinal]!;
        var end = (DateTime)contract.Values[EntitySchemas.Field(EntitySchemas.Contracts, "endDate").Ordinal]!;
        var today = _tenant.Today;
        _tenant.Recurring.StartService(row, serviceStart ?? (today < start ? start : today > end ? end : today));
    }

    /// <summary>The rules a create and an update share: one primary contact, one primary quote, a won opportunity's sales order.</summary>
    private bool KeepsSalesRules(EntityDefinition entity, EntityRow row)
    {
        if (entity.Name == EntitySchemas.Contacts)
        {
            KeepOnePrimaryContact(entity, row);
        }
        else if (entity.Name == EntitySchemas.Quotes)
        {
            KeepOnePrimaryQuote(entity, row);
        }
        else if (entity.Name == EntitySchemas.Opportunities)
        {
            OpenSalesOrderWhenClosed(entity, row);
        }
        else
        {
            return false;
        }

        return true;
    }

    // Autotask creates a company's primary location with the company, from its address and phone (issue 12).
    private void CreatePrimaryLocation(EntityDefinition company, EntityRow row)
    {
        var locations = Store.Table(EntitySchemas.CompanyLocations);
        var definition = locations.Definition;
        var values = new object?[definition.Fields.Count];
        void Set(string field, object? value) => values[definition.FindField(field)!.Ordinal] = value;
        object? From(string field) => row.Values[company.FindField(field)!.Ordinal];
        Set("companyID", row.Id);
        Set("name", "Primary");
        Set("isPrimary", true);
        Set("isActive", true);
        Set("address1", From("address1"));
        Set("address2", From("address2"));
        Set("city", From("city"));
        Set("state", From("state"));
        Set("postalCode", From("postalCode"));
        Set("countryID", From("countryID"));
        Set("phone", From("phone"));
        Set("fax", From("fax"));
        foreach (var field in definition.Fields.Where(f => f.Type == FieldType.Boolean && values[f.Ordinal] == null))
        {
            values[field.Ordinal] = false;
        }

        var id = locations.AllocateId();
        values[0] = id;
        locations.Insert(new EntityRow(id, values));
    }

    public void AfterUpdate(EntityDefinition entity, EntityRow row, object?[] previous)
    {
        if (KeepsSalesRules(entity, row))
        {
            return;
        }

        var adjustedPrice = entity.FindField("adjustedPrice");
        if (entity.Name == EntitySchemas.ContractServices && !Equals(previous[adjustedPrice!.Ordinal], row.Values[adjustedPrice.Ordinal]))
        {
            var price = (decimal?)row.Values[adjustedPrice.Ordinal] ?? (decimal?)row.Values[entity.FindField("unitPrice")!.Ordinal];
            _tenant.Recurring.ChangePrice(row, price);
        }
    }

    private void ValidateCommon(EntityDefinition entity, object?[] values)
    {
        object? Value(string field) => values[entity.FindField(field)!.Ordinal];
        switch (entity.Name)
        {
            case EntitySchemas.Contacts when Value("isActive") is long active && active != 0 && active != 1:
                throw new SandboxErrorException("The value for isActive must be 0 or 1.");
            case EntitySchemas.Contacts:
                foreach (var field in new[] { "emailAddress", "emailAddress2", "emailAddress3" })
                {
                    if (Value(field) is string email && email.Length > 0 && !IsEmailAddress(email))
                    {
                        throw new SandboxErrorException($"The value '{email}' of {field} is not a valid email address.");
                    }
                }

                break;
            case EntitySchemas.Contracts:
                if ((DateTime)Value("endDate")! < (DateTime)Value("startDate")!)
                {
                    throw new SandboxErrorException("The contract's endDate must not be before its startDate.");
                }

                if (Equals(Value("contractType"), 7L) && Value("contractPeriodType") == null)
                {
                    throw new SandboxErrorException("The field contractPeriodType is required.");
                }

                break;
            case EntitySchemas.QuoteItems:
                RequireQuoteItemReference(values);
                break;
            case EntitySchemas.ContractCharges when Value("productID") == null && Value("billingCodeID") == null:
                throw new SandboxErrorException("A contract charge requires a productID or a billingCodeID.");
        }
    }

    /// <summary>A company has one primary contact: making a contact primary takes the flag from the one that had it.</summary>
    private void KeepOnePrimaryContact(EntityDefinition entity, EntityRow row)
    {
        var primary = entity.FindField("primaryContact")!;
        if (!Equals(row.Values[primary.Ordinal], true))
        {
            return;
        }

        var companyId = (long)row.Values[entity.FindField("companyID")!.Ordinal]!;
        var table = Store.Table(EntitySchemas.Contacts);
        foreach (var other in table.IndexedRows(entity.FindField("companyID")!, companyId)!.Where(r => r.Id != row.Id && Equals(r.Values[primary.Ordinal], true)).ToList())
        {
            table.SetValue(other, primary, false);
        }
    }

    /// <summary>
    /// An opportunity has one primary quote: its first quote becomes primary, and making another primary takes the flag
    /// from the one that had it.
    /// </summary>
    private void KeepOnePrimaryQuote(EntityDefinition entity, EntityRow row)
    {
        var primary = entity.FindField("primaryQuote")!;
        var opportunityField = entity.FindField("opportunityID")!;
        var table = Store.Table(EntitySchemas.Quotes);
        var siblings = table.IndexedRows(opportunityField, (long)row.Values[opportunityField.Ordinal]!)!.Where(r => r.Id != row.Id).ToList();
        if (!Equals(row.Values[primary.Ordinal], true))
        {
            if (!siblings.Any(r => Equals(r.Values[primary.Ordinal], true)))
            {
                table.SetValue(row, primary, true);
            }

            return;
        }

        foreach (var other in siblings.Where(r => Equals(r.Values[primary.Ordinal], true)))
        {
            table.SetValue(other, primary, false);
        }
    }

    /// <summary>Closing an opportunity (status Closed) opens its sales order, the billing extension of its quote.</summary>
    private void OpenSalesOrderWhenClosed(EntityDefinition entity, EntityRow row)
    {
        var status = row.Values[entity.FindField("status")!.Ordinal] as long?;
        var salesOrder = entity.FindField("salesOrderID")!;
        if (status is null || row.Values[salesOrder.Ordinal] != null
            || !string.Equals(Store.PicklistLabel(EntitySchemas.Opportunities, "status", status.Value), "Closed", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var orders = Store.Table(EntitySchemas.SalesOrders);
        var definition = EntitySchemas.Get(EntitySchemas.SalesOrders);
        var values = new object?[definition.Fields.Count];
        var id = orders.AllocateId();
        values[0] = id;
        values[definition.FindField("opportunityID")!.Ordinal] = row.Id;
        values[definition.FindField("companyID")!.Ordinal] = row.Values[entity.FindField("companyID")!.Ordinal];
        values[definition.FindField("ownerResourceID")!.Ordinal] = row.Values[entity.FindField("ownerResourceID")!.Ordinal];
        values[definition.FindField("title")!.Ordinal] = row.Values[entity.FindField("title")!.Ordinal];
        values[definition.FindField("status")!.Ordinal] = 1L;
        values[definition.FindField("salesOrderDate")!.Ordinal] = _tenant.Today;
        orders.Insert(new EntityRow(id, values));
        var opportunities = Store.Table(EntitySchemas.Opportunities);
        opportunities.SetValue(row, salesOrder, id);
        opportunities.SetValue(row, entity.FindField("closedDate")!, _tenant.Now);
    }

    /// <summary>A quote item names exactly the record its type calls for: a product, a service or a labor (work type) code.</summary>
    private void RequireQuoteItemReference(object?[] values)
    {
        var entity = EntitySchemas.Get(EntitySchemas.QuoteItems);
        object? Value(string field) => values[entity.FindField(field)!.Ordinal];
        var type = Value("quoteItemType") is long code ? Store.PicklistLabel(EntitySchemas.QuoteItems, "quoteItemType", code) : null;
        var wanted = type switch
        {
            "Product" => "productID",
            "Service" => "serviceID",
            "Labor" => "laborID",
            _ => null,
        };
        if (wanted is not null && Value(wanted) == null)
        {
            throw new SandboxErrorException($"A quote item of type {type} requires {wanted}.");
        }
    }

    private static bool IsEmailAddress(string value)
    {
        var at = value.IndexOf('@');
        return at > 0 && at == value.LastIndexOf('@') && value.IndexOf('.', at) > at + 1 && !value.EndsWith(".", StringComparison.Ordinal)
            && !value.Any(char.IsWhiteSpace);
    }

    private void RequireBillingCode(object? id, string category, string field)
    {
        var codes = Store.Table(EntitySchemas.BillingCodes);
        var code = id is long value ? codes.Find(value) : null;
        var type = code?.Values[EntitySchemas.Field(EntitySchemas.BillingCodes, "billingCodeType").Ordinal] as long?;
        var label = type == null ? null : Store.PicklistLabel(EntitySchemas.BillingCodes, "billingCodeType", type.Value);
        var active = Equals(code?.Values[EntitySchemas.Field(EntitySchemas.BillingCodes, "isActive").Ordinal], true);
        if (!active || !string.Equals(label, category, StringComparison.OrdinalIgnoreCase))
        {
            throw new SandboxErrorException($"The {field} must reference an active {category} billing code.");
        }
    }

    private void CompleteContractService(EntityDefinition entity, object?[] values)
    {
        var service = values[entity.FindField("serviceID")!.Ordinal] is long serviceId ? Store.Table(EntitySchemas.Services).Find(serviceId) : null;
        if (service == null)
        {
            return;
        }

        object? FromService(string name) => service.Values[EntitySchemas.Field(EntitySchemas.Services, name).Ordinal];
        void Default(string field, object? value) => values[entity.FindField(field)!.Ordinal] ??= value;
        Default("unitPrice", FromService("unitPrice"));
        Default("unitCost", FromService("unitCost"));
        Default("invoiceDescription", FromService("invoiceDescription"));
        values[entity.FindField("internalCurrencyUnitPrice")!.Ordinal] = values[entity.FindField("unitPrice")!.Ordinal];
        values[entity.FindField("internalCurrencyAdjustedPrice")!.Ordinal] = values[entity.FindField("adjustedPrice")!.Ordinal];
    }

    private void CompleteCharge(EntityDefinition entity, object?[] values)
    {
        int Ordinal(string name) => entity.FindField(name)!.Ordinal;
        if (values[Ordinal("unitPrice")] == null)
        {
            var product = values[Ordinal("productID")] is long productId ? Store.Table(EntitySchemas.Products).Find(productId) : null;
            var code = values[Ordinal("billingCodeID")] is long codeId ? Store.Table(EntitySchemas.BillingCodes).Find(codeId) : null;
            values[Ordinal("unitPrice")] = product?.Values[EntitySchemas.Field(EntitySchemas.Products, "unitPrice").Ordinal]
                ?? code?.Values[EntitySchemas.Field(EntitySchemas.BillingCodes, "unitPrice").Ordinal];
        }

        var quantity = values[Ordinal("unitQuantity")] as decimal?;
        var price = values[Ordinal("unitPrice")] as decimal?;
        var cost = values[Ordinal("unitCost")] as decimal?;
        decimal? Rounded(decimal? amount) => amount is { } value ? WireValues.Round(value) : null;
        values[Ordinal("billableAmount")] = Rounded(quantity * price);
        values[Ordinal("extendedCost")] = Rounded(quantity * cost);
        values[Ordinal("internalCurrencyUnitPrice")] = price;
        values[Ordinal("internalCurrencyBillableAmount")] = Rounded(quantity * price);
    }
}
