using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Autotask.Billing.Mapping;

/// <summary>
/// Reads a mapping store's JSON, hand-edited or not. Every problem is collected with its JSON path and line and the
/// whole document is refused when there is any: a store is never half-read or quietly repaired.
/// </summary>
internal static class MappingJsonReader
{
    public static MappingDocument Read(string json, string subject)
    {
        var problems = new List<MappingProblem>();
        var root = Parse(json, problems);
        if (root is null)
        {
            throw new MappingValidationException(subject, problems);
        }

        var reader = new JsonObjectReader(root, problems);
        var schemaVersion = reader.Decimal(nameof(MappingDocument.SchemaVersion), 0m);
        var versionToken = root["schemaVersion"];
        if (versionToken is null || versionToken.Type == JTokenType.Null)
        {
            problems.Add(new MappingProblem("schemaVersion", $"is required; this version writes {MappingDocument.CurrentSchemaVersion}", 1));
        }
        else if (versionToken.Type is (JTokenType.Integer or JTokenType.Float) && schemaVersion != MappingDocument.CurrentSchemaVersion)
        {
            reader.Report(
                versionToken,
                schemaVersion > MappingDocument.CurrentSchemaVersion
                    ? $"schema {schemaVersion} was written by a newer Autotask.Billing; this version reads schema {MappingDocument.CurrentSchemaVersion}"
                    : $"{schemaVersion} is not a schema version; this version reads schema {MappingDocument.CurrentSchemaVersion}");
        }

        var settingsJson = reader.Object(nameof(MappingDocument.Settings));
        var settings = settingsJson is null ? BillingSettings.Default : ReadSettings(settingsJson, problems);
        var customers = ReadItems(reader.Array(nameof(MappingDocument.Customers)), problems, ReadCustomer, c => (c.Source, c.CustomerId), "customer", "customerId");
        var services = ReadItems(reader.Array(nameof(MappingDocument.Services)), problems, ReadService, s => (s.Source, s.Sku), "SKU", "sku");
        reader.ReportUnknownProperties();

        if (problems.Count > 0)
        {
            throw new MappingValidationException(subject, problems);
        }

        return new MappingDocument(settings, customers, services);
    }

    private static JObject? Parse(string json, ICollection<MappingProblem> problems)
    {
        try
        {
            using var text = new JsonTextReader(new StringReader(json))
            {
                DateParseHandling = DateParseHandling.None,
                FloatParseHandling = FloatParseHandling.Decimal,
            };
            var token = JToken.ReadFrom(text, new JsonLoadSettings
            {
                LineInfoHandling = LineInfoHandling.Load,
                DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error,
                CommentHandling = CommentHandling.Ignore,
            });
            while (text.Read())
            {
                if (text.TokenType != JsonToken.Comment)
                {
                    problems.Add(new MappingProblem("$", "unexpected content after the end of the document", text.LineNumber));
                    return null;
                }
            }

            if (token is JObject root)
            {
                return root;
            }

            problems.Add(new MappingProblem("$", $"the document must be a JSON object in {{ }}, found {JsonObjectReader.Describe(token)}", 1));
            return null;
        }
        catch (JsonReaderException e)
        {
            problems.Add(new MappingProblem(
                string.IsNullOrEmpty(e.Path) ? "$" : e.Path!,
                "the file is not valid JSON: " + e.Message,
                e.LineNumber > 0 ? e.LineNumber : null));
            return null;
        }
    }

    private static List<T> ReadItems<T>(
        JArray? array,
        List<MappingProblem> problems,
        Func<JObject, List<MappingProblem>, T?> readItem,
        Func<T, (string Source, string Id)> keyOf,
        string what,
        string idName)
        where T : class
    {
        var items = new List<T>();
        if (array is null)
        {
            return items;
        }

        var firstPathByKey = new Dictionary<string, string>(MappingKeys.Comparer);
        foreach (var element in array)
        {
            if (element is not JObject itemJson)
            {
                problems.Add(JsonObjectReader.At(element, $"expected a {what} mapping object in {{ }}, found {JsonObjectReader.Describe(element)}"));
                continue;
            }

            var item = readItem(itemJson, problems);
            if (item is null)
            {
                continue;
            }

            var (source, id) = keyOf(item);
            var key = MappingKeys.Of(source, id);
            if (firstPathByKey.TryGetValue(key, out var firstPath))
            {
                problems.Add(JsonObjectReader.At(
                    itemJson,
                    $"duplicate {what} key: source '{source}', {idName} '{id}' is already mapped at {firstPath}; keep one of the two"));
                continue;
            }

            firstPathByKey.Add(key, itemJson.Path);
            items.Add(item);
        }

        return items;
    }

    private static CustomerMapping? ReadCustomer(JObject json, List<MappingProblem> problems)
    {
        var before = problems.Count;
        var reader = new JsonObjectReader(json, problems);
        var source = reader.String(nameof(CustomerMapping.Source), required: true);
        var customerId = reader.String(nameof(CustomerMapping.CustomerId), required: true);
        var customerName = reader.String(nameof(CustomerMapping.CustomerName));
        var companyAction = Action(reader, json, nameof(CustomerMapping.CompanyAction), nameof(CustomerMapping.CompanyId), "a company action");
        var companyId = reader.Id(nameof(CustomerMapping.CompanyId));
        var contractAction = Action(reader, json, nameof(CustomerMapping.ContractAction), nameof(CustomerMapping.ContractId), "a contract action");
        var contractId = reader.Id(nameof(CustomerMapping.ContractId));
        var export = reader.Bool(nameof(CustomerMapping.Export), defaultValue: true);
        var pricing = reader.Enum<PricingStrategy>(nameof(CustomerMapping.PricingStrategy), "a pricing strategy");
        var datePolicy = reader.Enum<EffectiveDatePolicy>(nameof(CustomerMapping.EffectiveDatePolicy), "an effective-date policy");
        var syncStart = reader.Date(nameof(CustomerMapping.SyncStartDate));
        var phone = reader.String(nameof(CustomerMapping.Phone));
        var address = reader.String(nameof(CustomerMapping.Address));
        var city = reader.String(nameof(CustomerMapping.City));
        var state = reader.String(nameof(CustomerMapping.State));
        var postalCode = reader.String(nameof(CustomerMapping.PostalCode));
        var webAddress = reader.String(nameof(CustomerMapping.WebAddress));
        var notes = reader.String(nameof(CustomerMapping.Notes));
        var created = reader.Timestamp(nameof(CustomerMapping.CreatedUtc));
        var updated = reader.Timestamp(nameof(CustomerMapping.UpdatedUtc));
        reader.ReportUnknownProperties();
        if (source is null || customerId is null)
        {
            return null;
        }

        var mapping = new CustomerMapping(source, customerId)
        {
            CustomerName = customerName,
            CompanyAction = companyAction,
            CompanyId = companyId,
            ContractAction = contractAction,
            ContractId = contractId,
            Export = export,
            PricingStrategy = pricing,
            EffectiveDatePolicy = datePolicy,
            SyncStartDate = syncStart,
            Phone = phone,
            Address = address,
            City = city,
            State = state,
            PostalCode = postalCode,
            WebAddress = webAddress,
            Notes = notes,
            CreatedUtc = created,
            UpdatedUtc = updated,
        };
        CheckRules(problems, before, found => MappingDocumentValidator.CheckCustomer(mapping, reader.ProblemAt, found));
        return mapping;
    }

    private static ServiceMapping? ReadService(JObject json, List<MappingProblem> problems)
    {
        var before = problems.Count;
        var reader = new JsonObjectReader(json, problems);
        var source = reader.String(nameof(ServiceMapping.Source), required: true);
        var sku = reader.String(nameof(ServiceMapping.Sku), required: true);
        var action = reader.Enum<MappingAction>(nameof(ServiceMapping.Action), "an action", required: true);
        var serviceId = reader.Id(nameof(ServiceMapping.ServiceId));
        var productId = reader.Id(nameof(ServiceMapping.ProductId));
        var template = reader.String(nameof(ServiceMapping.NameTemplate));
        var excluded = reader.Bool(nameof(ServiceMapping.Excluded), defaultValue: false);
        var notes = reader.String(nameof(ServiceMapping.Notes));
        var created = reader.Timestamp(nameof(ServiceMapping.CreatedUtc));
        var updated = reader.Timestamp(nameof(ServiceMapping.UpdatedUtc));
        reader.ReportUnknownProperties();
        if (source is null || sku is null || action is null)
        {
            return null;
        }

        var mapping = new ServiceMapping(source, sku)
        {
            Action = action.Value,
            ServiceId = serviceId,
            ProductId = productId,
            NameTemplate = template,
            Excluded = excluded,
            Notes = notes,
            CreatedUtc = created,
            UpdatedUtc = updated,
        };
        CheckRules(problems, before, found => MappingDocumentValidator.CheckService(mapping, reader.ProblemAt, found));
        return mapping;
    }

    private static BillingSettings ReadSettings(JObject json, List<MappingProblem> problems)
    {
        var defaults = BillingSettings.Default;
        var before = problems.Count;
        var reader = new JsonObjectReader(json, problems);
        var settings = new BillingSettings
        {
            RecurringBillingCodeId = reader.Id(nameof(BillingSettings.RecurringBillingCodeId)),
            MaterialBillingCodeId = reader.Id(nameof(BillingSettings.MaterialBillingCodeId)),
            DefaultAccountManagerResourceId = reader.Id(nameof(BillingSettings.DefaultAccountManagerResourceId)),
            VendorCompanyNames = ReadTextBySource(reader.Object(nameof(BillingSettings.VendorCompanyNames)), "the vendor company's name for source", "source", problems),
            VendorPhones = ReadTextBySource(reader.Object(nameof(BillingSettings.VendorPhones)), "the phone of vendor company", "vendor company", problems),
            SalesReps = ReadTextBySource(reader.Object(nameof(BillingSettings.SalesReps)), "the Autotask resource of sales rep", "sales rep", problems),
            Currency = reader.String(nameof(BillingSettings.Currency)) ?? defaults.Currency,
            UsageAsService = reader.Bool(nameof(BillingSettings.UsageAsService), defaults.UsageAsService),
            RecreateDeletedServices = reader.Bool(nameof(BillingSettings.RecreateDeletedServices), defaults.RecreateDeletedServices),
            ServiceNameTemplate = reader.String(nameof(BillingSettings.ServiceNameTemplate)) ?? defaults.ServiceNameTemplate,
            DefaultPricingStrategy = reader.Enum<PricingStrategy>(nameof(BillingSettings.DefaultPricingStrategy), "a pricing strategy")
                ?? defaults.DefaultPricingStrategy,
            DefaultEffectiveDatePolicy = reader.Enum<EffectiveDatePolicy>(nameof(BillingSettings.DefaultEffectiveDatePolicy), "an effective-date policy")
                ?? defaults.DefaultEffectiveDatePolicy,
            QuantityChangeThresholdPercent = reader.Decimal(nameof(BillingSettings.QuantityChangeThresholdPercent), defaults.QuantityChangeThresholdPercent),
            QuantityChangeMinimumUnits = reader.Decimal(nameof(BillingSettings.QuantityChangeMinimumUnits), defaults.QuantityChangeMinimumUnits),
            RemovalPolicy = reader.Enum<RemovalPolicy>(nameof(BillingSettings.RemovalPolicy), "a removal policy") ?? defaults.RemovalPolicy,
            PriceBasis = reader.Enum<PriceBasis>(nameof(BillingSettings.PriceBasis), "a price basis") ?? defaults.PriceBasis,
            MarkupPercent = reader.Decimal(nameof(BillingSettings.MarkupPercent), defaults.MarkupPercent),
            SyncMayCreate = ReadCreatable(reader.Array(nameof(BillingSettings.SyncMayCreate)), problems) ?? defaults.SyncMayCreate,
        };
        reader.ReportUnknownProperties();
        CheckRules(problems, before, found => MappingDocumentValidator.CheckSettings(settings, reader.ProblemAt, found));
        return settings;
    }

    /// <summary>A JSON object of text values keyed by a name that ignores case (a source, a vendor company).</summary>
    private static Dictionary<string, string> ReadTextBySource(JObject? json, string valueName, string keyName, List<MappingProblem> problems)
    {
        var names = new Dictionary<string, string>(MappingKeys.Comparer);
        if (json is null)
        {
            return names;
        }

        foreach (var property in json.Properties())
        {
            if (property.Value.Type != JTokenType.String || string.IsNullOrWhiteSpace((string?)property.Value))
            {
                problems.Add(JsonObjectReader.At(
                    property.Value,
                    $"expected {valueName} '{property.Name}' in quotes, found {JsonObjectReader.Describe(property.Value)}"));
            }
            else if (names.ContainsKey(property.Name))
            {
                problems.Add(JsonObjectReader.At(property.Value, $"{keyName} '{property.Name}' is listed twice ({keyName} names ignore case)"));
            }
            else
            {
                names.Add(property.Name, (string)property.Value!);
            }
        }

        return names;
    }

    private static CreatableEntities? ReadCreatable(JArray? array, List<MappingProblem> problems)
    {
        if (array is null)
        {
            return null;
        }

        var kinds = CreatableEntities.None;
        foreach (var element in array)
        {
            if (element.Type == JTokenType.String
                && MappingText.TryParseEnum<CreatableEntities>((string)element!, "an entity kind sync may create", out var kind, out var problem)
                && kind is not (CreatableEntities.None or CreatableEntities.All))
            {
                kinds |= kind;
            }
            else
            {
                problems.Add(JsonObjectReader.At(
                    element,
                    $"{JsonObjectReader.Describe(element)} is not an entity kind sync may create; use Services, Products, Companies or Contracts"));
            }
        }

        return kinds;
    }

    /// <summary>
    /// An action may be left out when the id is given: a company id on its own plainly means that existing company.
    /// </summary>
    private static MappingAction Action(
        JsonObjectReader reader, JObject json, string actionProperty, string idProperty, string what)
    {
        var action = reader.Enum<MappingAction>(actionProperty, what);
        if (action is MappingAction known)
        {
            return known;
        }

        var actionToken = json[MappingText.CamelCase(actionProperty)];
        var idToken = json[MappingText.CamelCase(idProperty)];
        if ((actionToken is null || actionToken.Type == JTokenType.Null) && (idToken is null || idToken.Type == JTokenType.Null))
        {
            reader.Report(reader.ProblemAt(actionProperty, $"is required: Existing (with {MappingText.CamelCase(idProperty)}) or Create"));
        }

        return MappingAction.Existing;
    }

    /// <summary>
    /// Where a rule is checked on a value that could not be read, the reading problem already says what is wrong
    /// there; a second problem at the same path would only be noise.
    /// </summary>
    private static void CheckRules(List<MappingProblem> problems, int firstOfThisObject, Action<List<MappingProblem>> check)
    {
        var reported = new HashSet<string>(problems.Skip(firstOfThisObject).Select(p => p.Path), StringComparer.Ordinal);
        var found = new List<MappingProblem>();
        check(found);
        problems.AddRange(found.Where(problem => !reported.Contains(problem.Path)));
    }
}
