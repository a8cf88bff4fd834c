namespace Autotask.Billing.Sandbox.Model;

// The billing entities' shapes, following the vendor Swagger models (README §9). Each field is written as
// "name:type[:flag...]" where type is s|i|l|d|b|dt|date and flags are req, ro (server-set), co (create-only),
// nq (not queryable), pick, idx (indexed for fast eq/in), len=N, ref=Entities.
internal static class EntitySchemas
{
    public const string Companies = "Companies";
    public const string Contacts = "Contacts";
    public const string Contracts = "Contracts";
    public const string ContractServices = "ContractServices";
    public const string ContractServiceAdjustments = "ContractServiceAdjustments";
    public const string ContractServiceUnits = "ContractServiceUnits";
    public const string ContractCharges = "ContractCharges";
    public const string Services = "Services";
    public const string Products = "Products";
    public const string BillingCodes = "BillingCodes";
    public const string Resources = "Resources";
    public const string Opportunities = "Opportunities";
    public const string Quotes = "Quotes";
    public const string QuoteItems = "QuoteItems";
    public const string SalesOrders = "SalesOrders";
    public const string CompanyLocations = "CompanyLocations";

    public static IReadOnlyList<EntityDefinition> All { get; } = Build();

    private static readonly Dictionary<string, EntityDefinition> ByName = All.ToDictionary(e => e.Name, StringComparer.OrdinalIgnoreCase);

    public static EntityDefinition Get(string name) => ByName[name];

    public static EntityDefinition? Find(string name) => ByName.TryGetValue(name, out var entity) ? entity : null;

    public static FieldDefinition Field(string entity, string field) => ByName[entity].FindField(field)!;

    private static IReadOnlyList<EntityDefinition> Build() => new[]
    {
        new EntityDefinition(Companies, "Company", Fields(
            "companyName:s:req:len=100", "companyNumber:s:len=50", "companyType:i:req:pick", "companyCategoryID:i",
            "classification:i", "isActive:b", "ownerResourceID:i:req:ref=Resources", "parentCompanyID:i:ref=Companies",
            "phone:s:req:len=25", "fax:s:len=25", "alternatePhone1:s:len=25", "alternatePhone2:s:len=25", "webAddress:s:len=255",
            "address1:s:len=150", "address2:s:len=150", "additionalAddressInformation:s:len=100", "city:s:len=30",
            "state:s:len=25", "postalCode:s:len=10", "countryID:i", "billingAddress1:s:len=150", "billingAddress2:s:len=150",
            "billToAttention:s:len=50", "billToCity:s:len=50", "billToState:s:len=128", "billToZipCode:s:len=50",
            "billToCountryID:i", "billToAdditionalAddressInformation:s:len=100", "billToAddressToUse:i",
            "billToCompanyLocationID:i", "currencyID:i", "invoiceMethod:i", "invoiceTemplateID:i", "invoiceEmailMessageID:i",
            "invoiceNonContractItemsToParentCompany:b", "quoteTemplateID:i", "quoteEmailMessageID:i",
            "purchaseOrderTemplateID:i", "taxRegionID:i", "taxID:s:len=50", "isTaxExempt:b", "territoryID:i",
            "marketSegmentID:i", "competitorID:i", "sicCode:s:len=32", "stockMarket:s:len=10", "stockSymbol:s:len=10",
            "assetValue:d:nq", "surveyCompanyRating:d:ro", "isClientPortalActive:b:ro", "isEnabledForComanaged:b",
            "isTaskFireActive:b:ro", "isSample:b:ro", "apiVendorID:i", "createDate:dt:ro", "createdByResourceID:i:ro",
            "impersonatorCreatorResourceID:i:ro", "lastActivityDate:dt:ro", "lastTrackedModifiedDateTime:dt:ro"))
        {
            HasUserDefinedFields = true, CanCreate = true, CanUpdate = true, WritableAtRoot = true, FirstId = 29683600,
        },
        new EntityDefinition(Contacts, "Contact", Fields(
            "companyID:i:req:co:idx:ref=Companies", "companyLocationID:i", "firstName:s:req:len=50", "lastName:s:req:len=50",
            "middleInitial:s:len=2", "namePrefix:i", "nameSuffix:i", "title:s:len=50", "emailAddress:s:len=254",
            "emailAddress2:s:len=254", "emailAddress3:s:len=254", "phone:s:len=25", "extension:s:len=10",
            "alternatePhone:s:len=32", "mobilePhone:s:len=25", "faxNumber:s:len=25", "addressLine:s:len=128",
            "addressLine1:s:len=128", "additionalAddressInformation:s:len=100", "city:s:len=32", "state:s:len=40",
            "zipCode:s:len=16", "countryID:i", "isActive:i:req", "primaryContact:b", "billingContact:b",
            "receivesEmailNotifications:b", "isOptedOutFromBulkEmail:b", "bulkEmailOptOutTime:dt:ro", "solicitationOptOut:b",
            "solicitationOptOutTime:dt:ro", "surveyOptOut:b", "externalID:s:len=50", "note:s:len=250", "roomNumber:s:len=50",
            "facebookUrl:s:len=200", "linkedInUrl:s:len=200", "twitterUrl:s:len=200", "apiVendorID:i",
            "impersonatorCreatorResourceID:i:ro", "createDate:dt:ro", "lastActivityDate:dt:ro", "lastModifiedDate:dt:ro"))
        {
            HasUserDefinedFields = true, CanCreate = true, CanUpdate = true, CanDelete = true, FirstId = 30684000,
            Parent = new ParentRoute(Companies, "Contacts", "companyID"),
        },
        new EntityDefinition(Contracts, "Contract", Fields(
            "companyID:i:req:idx:ref=Companies", "contractName:s:req:len=100", "contractNumber:s:len=50",
            "contractType:i:req:co:pick", "contractCategory:i", "status:i:req:pick", "startDate:date:req", "endDate:date:req",
            "contractPeriodType:i:co:pick", "billingPreference:i", "timeReportingRequiresStartAndStopTimes:i:req",
            "isDefaultContract:b", "isCompliant:b:ro", "description:s:len=2000", "contactID:i:ref=Contacts",
            "contactName:s:ro", "billToCompanyID:i:ref=Companies", "billToCompanyContactID:i:ref=Contacts",
            "serviceLevelAgreementID:i", "contractExclusionSetID:i", "exclusionContractID:l", "renewedContractID:l:ro",
            "opportunityID:i", "organizationalLevelAssociationID:i", "purchaseOrderNumber:s:len=50", "estimatedCost:d",
            "estimatedHours:d", "estimatedRevenue:d", "setupFee:d", "setupFeeBillingCodeID:l:ref=BillingCodes",
            "internalCurrencySetupFee:d:ro", "overageBillingRate:d", "internalCurrencyOverageBillingRate:d:ro",
            "lastModifiedDateTime:dt:ro"))
        {
            HasUserDefinedFields = true, CanCreate = true, CanUpdate = true, WritableAtRoot = true, FirstId = 29684100,
        },
        new EntityDefinition(ContractServices, "ContractService", Fields(
            "contractID:i:req:co:idx:ref=Contracts", "serviceID:i:req:co:idx:ref=Services", "unitPrice:d:co", "unitCost:d:co",
            "adjustedPrice:d", "internalCurrencyUnitPrice:d:ro", "internalCurrencyAdjustedPrice:d:ro",
            "invoiceDescription:s:len=1000", "internalDescription:s:co:len=100", "quoteItemID:l:co"))
        {
            CanCreate = true, CanUpdate = true, FirstId = 60100000,
            Parent = new ParentRoute(Contracts, "Services", "contractID"),
        },
        new EntityDefinition(ContractServiceAdjustments, "ContractServiceAdjustment", Fields(
            "contractID:i:req:ref=Contracts", "contractServiceID:i:ref=ContractServices", "serviceID:i:ref=Services",
            "effectiveDate:date:req", "unitChange:i:req", "adjustedUnitPrice:d", "adjustedUnitCost:d",
            "allowRepeatService:b", "quoteItemID:i"))
        {
            CanCreate = true, CanQuery = false, WritableAtRoot = true, FirstId = 71200000,
            Parent = new ParentRoute(Contracts, "ServiceAdjustments", "contractID"),
        },
        new EntityDefinition(ContractServiceUnits, "ContractServiceUnit", Fields(
            "contractID:i:ro:idx", "contractServiceID:i:ro:idx", "serviceID:i:ro", "startDate:date:ro", "endDate:date:ro",
            "units:i:ro", "price:d:ro", "cost:d:ro", "internalCurrencyPrice:d:ro", "approveAndPostDate:dt:ro",
            "vendorCompanyID:i:ro", "organizationalLevelAssociationID:i:ro"))
        {
            FirstId = 84300000,
            Parent = new ParentRoute(Contracts, "ServiceUnits", "contractID"),
        },
        new EntityDefinition(ContractCharges, "ContractCharge", Fields(
            "contractID:l:req:co:idx:ref=Contracts", "name:s:req:len=100", "description:s:len=2000", "chargeType:i:req:pick",
            "status:l:pick", "datePurchased:date:req", "unitQuantity:d:req", "unitPrice:d", "unitCost:d",
            "billableAmount:d:ro", "extendedCost:d:ro", "internalCurrencyUnitPrice:d:ro",
            "internalCurrencyBillableAmount:d:ro", "isBillableToCompany:b", "isBilled:b:ro",
            "productID:l:ref=Products", "billingCodeID:l:ref=BillingCodes", "contractServiceID:l:ref=ContractServices",
            "contractServiceBundleID:l", "purchaseOrderNumber:s:len=50", "internalPurchaseOrderNumber:s:len=50",
            "notes:s:len=2000", "organizationalLevelAssociationID:i", "createDate:dt:ro", "creatorResourceID:l:ro",
            "statusLastModifiedBy:l:ro", "statusLastModifiedDate:dt:ro"))
        {
            CanCreate = true, CanUpdate = true, CanDelete = true, FirstId = 95400000,
            Parent = new ParentRoute(Contracts, "Charges", "contractID"),
        },
        new EntityDefinition(Services, "Service", Fields(
            "name:s:req:len=150", "description:s:len=400", "invoiceDescription:s:len=1000", "periodType:i:req:pick",
            "unitPrice:d:req", "unitCost:d", "markupRate:d", "billingCodeID:i:req:ref=BillingCodes",
            "vendorCompanyID:i:ref=Companies", "serviceLevelAgreementID:l", "isActive:b", "sku:s:len=50",
            "catalogNumberPartNumber:s:len=50", "manufacturerServiceProvider:s:len=100",
            "manufacturerServiceProviderProductNumber:s:len=100", "internalID:s:len=100", "externalID:s:len=100",
            "url:s:len=500", "createDate:dt:ro", "creatorResourceID:i:ro", "lastModifiedDate:dt:ro", "updateResourceID:i:ro"))
        {
            HasUserDefinedFields = true, CanCreate = true, CanUpdate = true, WritableAtRoot = true, FirstId = 29685200,
        },
        new EntityDefinition(Products, "Product", Fields(
            "name:s:req:len=100", "description:s:len=2000", "sku:s:len=50", "manufacturerName:s:len=100",
            "manufacturerProductName:s:len=100", "vendorProductNumber:s:len=50", "externalProductID:s:len=50",
            "internalProductID:s:len=100", "productCategory:i:pick", "productBillingCodeID:i:req:ref=BillingCodes",
            "chargeBillingCodeID:i:ref=BillingCodes", "defaultVendorID:i:ref=Companies", "defaultInstalledProductCategoryID:i",
            "unitPrice:d", "unitCost:d", "msrp:d", "markupRate:d", "periodType:i:pick", "billingType:i:pick",
            "priceCostMethod:i", "isActive:b:req", "isSerialized:b:req", "isEligibleForRma:b", "doesNotRequireProcurement:b",
            "link:s:len=500", "createdTime:dt:ro", "createdByResourceID:i:ro", "impersonatorCreatorResourceID:i:ro"))
        {
            HasUserDefinedFields = true, CanCreate = true, CanUpdate = true, WritableAtRoot = true, FirstId = 29686300,
        },
        new EntityDefinition(BillingCodes, "BillingCode", Fields(
            "name:s:ro", "description:s:ro", "billingCodeType:i:ro:pick", "useType:i:ro:pick", "department:i:ro",
            "generalLedgerAccount:i:ro", "taxCategoryID:i:ro", "afterHoursWorkType:i:ro", "externalNumber:s:ro",
            "unitPrice:d:ro", "unitCost:d:ro", "markupRate:d:ro", "isActive:b:ro", "isExcludedFromNewContracts:b:ro"))
        {
            FirstId = 29682700,
        },
        // Sales: an opportunity carries one primary quote (with its items); a sales order is Autotask's billing extension
        // of a won opportunity's quote and cannot be created through the API (the spec has no POST for it).
        new EntityDefinition(Opportunities, "Opportunity", Fields(
            "companyID:i:req:idx:ref=Companies", "contactID:i:ref=Contacts", "title:s:req:len=128", "ownerResourceID:i:req:ref=Resources",
            "stage:i:req:pick", "status:i:req:pick", "probability:i:req", "projectedCloseDate:date:req", "amount:d:req", "cost:d:req",
            "useQuoteTotals:b", "description:s:len=8000", "onetimeRevenue:d", "onetimeCost:d", "monthlyRevenue:d", "monthlyCost:d",
            "closedDate:dt:ro", "salesOrderID:i:ro", "createDate:dt:ro", "creatorResourceID:i:ro", "lastActivity:dt:ro"))
        {
            HasUserDefinedFields = true, CanCreate = true, CanUpdate = true, WritableAtRoot = true, FirstId = 29687000,
        },
        new EntityDefinition(Quotes, "Quote", Fields(
            "opportunityID:i:req:idx:ref=Opportunities", "companyID:i:req:ref=Companies", "contactID:i:ref=Contacts", "name:s:req:len=100",
            "description:s:len=2000", "effectiveDate:date:req", "expirationDate:date:req", "primaryQuote:b", "quoteNumber:s:ro",
            "externalQuoteNumber:s:len=100", "paymentTerm:i:pick", "shippingType:i:pick", "purchaseOrderNumber:s:len=100",
            "comment:s:len=1000", "isActive:b", "createDate:dt:ro", "creatorResourceID:i:ro", "lastActivityDate:dt:ro"))
        {
            CanCreate = true, CanUpdate = true, WritableAtRoot = true, FirstId = 29688000,
        },
        new EntityDefinition(QuoteItems, "QuoteItem", Fields(
            "quoteID:i:req:co:idx:ref=Quotes", "quoteItemType:i:req:pick", "productID:i:ref=Products", "serviceID:i:ref=Services",
            "laborID:i:ref=BillingCodes", "name:s:len=100", "description:s:len=2000", "quantity:d:req", "unitPrice:d", "unitCost:d",
            "unitDiscount:d:req", "lineDiscount:d:req", "percentageDiscount:d:req", "isOptional:b:req", "isTaxable:b", "periodType:i:pick",
            "sortOrderID:i"))
        {
            CanCreate = true, CanUpdate = true, CanDelete = true, FirstId = 29689000,
            Parent = new ParentRoute(Quotes, "Items", "quoteID"),
        },
        new EntityDefinition(SalesOrders, "SalesOrder", Fields(
            "opportunityID:i:ro:idx", "companyID:i:ro", "contactID:i:ref=Contacts", "ownerResourceID:i:ref=Resources", "title:s:len=128",
            "status:i:pick", "salesOrderDate:date", "promisedFulfillmentDate:date", "shipToAddress1:s:len=150", "shipToCity:s:len=50",
            "shipToState:s:len=50", "shipToPostalCode:s:len=20", "billingAddress1:s:len=150", "billToCity:s:len=50"))
        {
            CanUpdate = true, WritableAtRoot = true, FirstId = 29689500,
            Parent = new ParentRoute(Opportunities, "SalesOrders", "opportunityID"),
        },
        // A company's locations; Autotask creates the primary one with the company (CompanyLocationModel [S]).
        new EntityDefinition(CompanyLocations, "CompanyLocation", Fields(
            "companyID:i:req:co:idx:ref=Companies", "name:s:req:len=100", "description:s:len=500", "isPrimary:b", "isActive:b",
            "address1:s:len=100", "address2:s:len=100", "city:s:len=50", "state:s:len=25", "postalCode:s:len=20", "countryID:i",
            "phone:s:len=25", "fax:s:len=25", "alternatePhone1:s:len=25", "alternatePhone2:s:len=25", "isTaxExempt:b",
            "overrideCompanyTaxSettings:b", "taxRegionID:i", "roundtripDistance:d"))
        {
            CanCreate = true, CanUpdate = true, CanDelete = true, FirstId = 29690000,
            Parent = new ParentRoute(Companies, "Locations", "companyID"),
        },
        new EntityDefinition(Resources, "Resource", Fields(
            "userName:s:ro", "firstName:s:req:len=50", "middleName:s:len=50", "lastName:s:req:len=50", "initials:s:len=3",
            "title:s:len=50", "email:s:req:len=254", "email2:s:len=254", "email3:s:len=254", "emailTypeCode:s",
            "emailTypeCode2:s", "emailTypeCode3:s", "officePhone:s:len=25", "officeExtension:s:len=10", "mobilePhone:s:len=25",
            "homePhone:s:len=25", "isActive:b", "resourceType:s:ro", "userType:i:ro", "licenseType:i:ro", "locationID:i:ro",
            "payrollType:i", "payrollIdentifier:s", "accountingReferenceID:s", "internalCost:d", "hireDate:dt:ro",
            "defaultServiceDeskRoleID:l", "dateFormat:s", "timeFormat:s", "numberFormat:s", "gender:s", "greeting:i",
            "suffix:i", "surveyResourceRating:d:ro", "travelAvailabilityPct:s"))
        {
            CanUpdate = true, WritableAtRoot = true, FirstId = 29682880,
        },
    };

    private static IReadOnlyList<FieldDefinition> Fields(params string[] specs)
    {
        var fields = new List<FieldDefinition> { new("id", FieldType.Long, 0) { Access = FieldAccess.ReadOnly } };
        foreach (var spec in specs)
        {
            var parts = spec.Split(':');
            var field = new FieldDefinition(parts[0], ParseType(parts[1]), fields.Count);
            foreach (var flag in parts.Skip(2))
            {
                ApplyFlag(field, flag);
            }

            fields.Add(field);
        }

        return fields;
    }

    private static FieldType ParseType(string code) => code switch
    {
        "s" => FieldType.String,
        "i" => FieldType.Integer,
        "l" => FieldType.Long,
        "d" => FieldType.Decimal,
        "b" => FieldType.Boolean,
        "dt" => FieldType.DateTime,
        "date" => FieldType.Date,
        _ => throw new ArgumentException("Unknown field type code " + code),
    };

    private static void ApplyFlag(FieldDefinition field, string flag)
    {
        if (flag.StartsWith("len=", StringComparison.Ordinal))
        {
            field.Length = int.Parse(flag.Substring(4), System.Globalization.CultureInfo.InvariantCulture);
            return;
        }

        if (flag.StartsWith("ref=", StringComparison.Ordinal))
        {
            field.ReferenceEntity = flag.Substring(4);
            return;
        }

        switch (flag)
        {
            case "req": field.IsRequired = true; break;
            case "ro": field.Access = FieldAccess.ReadOnly; break;
            case "co": field.Access = FieldAccess.CreateOnly; break;
            case "nq": field.IsQueryable = false; break;
            case "pick": field.IsPickList = true; break;
            case "idx": field.IsIndexed = true; break;
            default: throw new ArgumentException("Unknown field flag " + flag);
        }
    }
}
