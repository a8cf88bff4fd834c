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

    public void AfterUpdate(EntityDefinition entity, EntityRow row, object?[] previous)
    {
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
            case EntitySchemas.ContractCharges when Value("productID") == null && Value("billingCodeID") == null:
                throw new SandboxErrorException("A contract charge requires a productID or a billingCodeID.");
        }
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
