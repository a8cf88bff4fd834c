using Autotask.Billing.Sandbox.Engine;
using Autotask.Billing.Sandbox.Model;
using Autotask.Billing.Sandbox.Query;
using Autotask.Billing.Sandbox.Store;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Autotask.Billing.Sandbox.Protocol;

// Answers the entity routes (query, item, child lists, writes, entityInformation) against one tenant.
internal sealed class EntityApi
{
    private readonly SandboxTenant _tenant;

    public EntityApi(SandboxTenant tenant)
    {
        _tenant = tenant;
    }

    private TenantStore Store => _tenant.Store;

    public SandboxResponse Execute(Route route, SandboxRequest request, WriteContext context)
    {
        var entity = route.Entity!;
        if (entity.Name == EntitySchemas.ContractServiceUnits)
        {
            _tenant.Recurring.Refresh();
        }

        switch (route.Kind)
        {
            case RouteKind.Query:
                return request.Method == "GET"
                    ? Query(entity, request, SearchBody(request), null, request.QueryParameter("search"))
                    : Query(entity, request, WireValues.ParseObject(request.Body), null, null);
            case RouteKind.QueryCount:
                var countBody = request.Method == "GET" ? SearchBody(request) : WireValues.ParseObject(request.Body);
                var count = QueryExecutor.Count(Store.Table(entity.Name), FilterCompiler.Compile(Store.Table(entity.Name), Store, countBody));
                return SandboxResponse.Json(200, w => WriteSingle(w, "queryCount", count));
            case RouteKind.QueryNext:
                return Next(entity, request);
            case RouteKind.Item:
                return Item(entity, route.Id!.Value, null);
            case RouteKind.ChildItem when request.Method == "DELETE":
                _tenant.Writer.Delete(entity, route.Id!.Value, route.ParentId!.Value);
                return SandboxResponse.ItemId(route.Id.Value);
            case RouteKind.ChildItem:
                return Item(entity, route.Id!.Value, route.ParentId);
            case RouteKind.ChildCollection when request.Method == "GET":
                return ChildList(entity, route.ParentId!.Value, request);
            case RouteKind.Collection:
            case RouteKind.ChildCollection:
                var body = WireValues.ParseObject(request.Body);
                var id = request.Method == "POST"
                    ? _tenant.Writer.Create(entity, body, route.ParentId, context)
                    : _tenant.Writer.Update(entity, body, route.ParentId, request.Method == "PUT", context);
                return SandboxResponse.ItemId(id);
            case RouteKind.EntityInformation:
                return SandboxResponse.Json(200, w => EntityInformationWriter.WriteInfo(w, entity));
            case RouteKind.EntityFields:
                return SandboxResponse.Json(200, w => EntityInformationWriter.WriteFields(w, entity, Store));
            default:
                return SandboxResponse.Json(200, w => EntityInformationWriter.WriteUserDefinedFields(w, entity, Store));
        }
    }

    private static JObject SearchBody(SandboxRequest request)
    {
        var search = request.QueryParameter("search");
        if (string.IsNullOrEmpty(search))
        {
            throw new SandboxErrorException("The search parameter is required.");
        }

        return WireValues.ParseObject(search);
    }

    private SandboxResponse Query(EntityDefinition entity, SandboxRequest request, JObject body, PagingToken? token, string? search)
    {
        var table = Store.Table(entity.Name);
        var query = FilterCompiler.Compile(table, Store, body);
        if (token != null && token.Fingerprint != query.Fingerprint)
        {
            throw new SandboxErrorException("The paging parameter does not belong to this query; send the original query body.");
        }

        var rows = QueryExecutor.Page(table, query, token?.AfterId ?? long.MinValue, out var hasMore);
        var current = token ?? new PagingToken(search != null, long.MinValue, query.Fingerprint, search);
        string? PageUrl(PagingToken? page) => page == null
            ? null
            : $"{request.Authority}/ATServicesRest/V1.0/{entity.Name}/query/next?paging={Uri.EscapeDataString(page.Encode())}";
        var next = hasMore ? PageUrl(current.Next(rows[rows.Count - 1].Id)) : null;
        var previous = PageUrl(current.Previous());

        var userDefinedFields = Store.UserDefinedFields(entity.Name);
        var fields = RowWriter.Fields(entity, query.IncludeFields, Store.IsVisible);
        return SandboxResponse.Json(200, w =>
        {
            w.WriteStartObject();
            w.WritePropertyName("items");
            w.WriteStartArray();
            foreach (var row in rows)
            {
                RowWriter.Write(w, entity, row, fields, query.IncludeFields != null, userDefinedFields);
            }

            w.WriteEndArray();
            w.WritePropertyName("pageDetails");
            w.WriteStartObject();
            w.WritePropertyName("count");
            w.WriteValue(rows.Count);
            w.WritePropertyName("requestCount");
            w.WriteValue(query.MaxRecords);
            w.WritePropertyName("prevPageUrl");
            w.WriteValue(previous);
            w.WritePropertyName("nextPageUrl");
            w.WriteValue(next);
            w.WriteEndObject();
            w.WriteEndObject();
        });
    }

    private SandboxResponse Next(EntityDefinition entity, SandboxRequest request)
    {
        var token = PagingToken.Decode(request.QueryParameter("paging"));
        if (request.Method == "GET")
        {
            if (!token.FromGet)
            {
                return SandboxResponse.MethodNotAllowed("GET");
            }

            return Query(entity, request, WireValues.ParseObject(token.Search), token, token.Search);
        }

        return Query(entity, request, WireValues.ParseObject(request.Body), token, null);
    }

    private SandboxResponse ChildList(EntityDefinition entity, long parentId, SandboxRequest request)
    {
        var search = new JObject
        {
            ["filter"] = new JArray(new JObject { ["op"] = "eq", ["field"] = entity.Parent!.ParentField, ["value"] = parentId }),
        }.ToString(Formatting.None);
        return Query(entity, request, WireValues.ParseObject(search), null, search);
    }

    private SandboxResponse Item(EntityDefinition entity, long id, long? parentId)
    {
        var row = Store.Table(entity.Name).Find(id);
        if (row != null && parentId != null && !Equals(row.Values[entity.FindField(entity.Parent!.ParentField)!.Ordinal], parentId.Value))
        {
            row = null;
        }

        var userDefinedFields = Store.UserDefinedFields(entity.Name);
        return SandboxResponse.Json(200, w =>
        {
            w.WriteStartObject();
            w.WritePropertyName("item");
            if (row == null)
            {
                w.WriteNull();
            }
            else
            {
                RowWriter.Write(w, entity, row, null, userDefinedFields, Store.IsVisible);
            }

            w.WriteEndObject();
        });
    }

    private static void WriteSingle(JsonWriter writer, string name, object value)
    {
        writer.WriteStartObject();
        writer.WritePropertyName(name);
        writer.WriteValue(value);
        writer.WriteEndObject();
    }
}
