using System.Globalization;
using Autotask.Billing.Sandbox.Model;

namespace Autotask.Billing.Sandbox.Protocol;

// Maps a request onto the operations of the vendor route table (autotask-rest-v1.operations.tsv) for the
// billing entities. Paths are case-insensitive. A known path with the wrong method answers 405; a child entity
// written at its root path, or any unknown path, answers 404.
internal static class RouteParser
{
    private static readonly Dictionary<string, EntityDefinition> Entities =
        EntitySchemas.All.ToDictionary(e => e.Name, StringComparer.OrdinalIgnoreCase);

    public static SandboxResponse? TryResolve(SandboxRequest request, out Route route)
    {
        route = null!;
        var segments = request.Uri.AbsolutePath.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries)
            .Select(Uri.UnescapeDataString)
            .ToArray();
        var method = request.Method;
        if (segments.Length < 2 || !Is(segments[0], "ATServicesRest"))
        {
            return SandboxResponse.NotFound(request.Uri);
        }

        if (segments.Length == 2 && Is(segments[1], "VersionInformation"))
        {
            return Only(method, "GET", route = new Route(RouteKind.VersionInformation));
        }

        if (!Is(segments[1], "V1.0") || segments.Length < 3)
        {
            return SandboxResponse.NotFound(request.Uri);
        }

        var rest = segments.Skip(2).ToArray();
        if (rest.Length == 1)
        {
            foreach (var kind in new[] { RouteKind.ZoneInformation, RouteKind.ThresholdInformation, RouteKind.Version, RouteKind.Authenticate })
            {
                if (Is(rest[0], kind.ToString()))
                {
                    return Only(method, "GET", route = new Route(kind));
                }
            }
        }

        if (!Entities.TryGetValue(rest[0], out var entity))
        {
            return SandboxResponse.NotFound(request.Uri);
        }

        return rest.Length >= 3 && IsId(rest[1], out var parentId) && FindChild(entity, rest[2]) is { } child
            ? ResolveChild(request, child, parentId, rest.Skip(3).ToArray(), out route)
            : ResolveRoot(request, entity, rest.Skip(1).ToArray(), out route);
    }

    private static SandboxResponse? ResolveRoot(SandboxRequest request, EntityDefinition entity, string[] rest, out Route route)
    {
        route = null!;
        var method = request.Method;
        switch (rest.Length)
        {
            case 0:
                route = new Route(RouteKind.Collection, entity);
                var allowed = new List<string>();
                if (entity.WritableAtRoot && entity.CanCreate)
                {
                    allowed.Add("POST");
                }

                if (entity.WritableAtRoot && entity.CanUpdate)
                {
                    allowed.Add("PATCH");
                    allowed.Add("PUT");
                }

                if (allowed.Contains(method))
                {
                    return null;
                }

                return allowed.Count == 0 && method is "POST" or "PATCH" or "PUT"
                    ? SandboxResponse.NotFound(request.Uri)
                    : SandboxResponse.MethodNotAllowed(method);
            case 1 when Is(rest[0], "query") && entity.CanQuery:
                return OneOf(method, route = new Route(RouteKind.Query, entity), "GET", "POST");
            case 1 when Is(rest[0], "entityInformation"):
                return Only(method, "GET", route = new Route(RouteKind.EntityInformation, entity));
            case 1 when IsId(rest[0], out var id) && entity.CanQuery:
                return Only(method, "GET", route = new Route(RouteKind.Item, entity, id: id));
            case 2 when Is(rest[0], "query") && Is(rest[1], "count") && entity.CanQuery:
                return OneOf(method, route = new Route(RouteKind.QueryCount, entity), "GET", "POST");
            case 2 when Is(rest[0], "query") && Is(rest[1], "next") && entity.CanQuery:
                return OneOf(method, route = new Route(RouteKind.QueryNext, entity), "GET", "POST");
            case 2 when Is(rest[0], "entityInformation"):
                return ResolveInformation(request, entity, rest[1], null, out route);
            default:
                return SandboxResponse.NotFound(request.Uri);
        }
    }

    private static SandboxResponse? ResolveChild(SandboxRequest request, EntityDefinition child, long parentId, string[] rest, out Route route)
    {
        route = null!;
        var method = request.Method;
        switch (rest.Length)
        {
            case 0:
                route = new Route(RouteKind.ChildCollection, child, parentId);
                var allowed = new List<string>();
                if (child.CanQuery)
                {
                    allowed.Add("GET");
                }

                if (child.CanCreate)
                {
                    allowed.Add("POST");
                }

                if (child.CanUpdate)
                {
                    allowed.Add("PATCH");
                    allowed.Add("PUT");
                }

                return allowed.Contains(method) ? null : SandboxResponse.MethodNotAllowed(method);
            case 1 when Is(rest[0], "entityInformation"):
                return Only(method, "GET", route = new Route(RouteKind.EntityInformation, child, parentId));
            case 1 when IsId(rest[0], out var id) && child.CanQuery:
                route = new Route(RouteKind.ChildItem, child, parentId, id);
                return method == "GET" || (method == "DELETE" && child.CanDelete) ? null : SandboxResponse.MethodNotAllowed(method);
            case 2 when Is(rest[0], "entityInformation"):
                return ResolveInformation(request, child, rest[1], parentId, out route);
            default:
                return SandboxResponse.NotFound(request.Uri);
        }
    }

    private static SandboxResponse? ResolveInformation(SandboxRequest request, EntityDefinition entity, string segment, long? parentId, out Route route)
    {
        route = null!;
        if (Is(segment, "fields"))
        {
            return Only(request.Method, "GET", route = new Route(RouteKind.EntityFields, entity, parentId));
        }

        if (Is(segment, "userDefinedFields"))
        {
            return Only(request.Method, "GET", route = new Route(RouteKind.EntityUserDefinedFields, entity, parentId));
        }

        return SandboxResponse.NotFound(request.Uri);
    }

    private static EntityDefinition? FindChild(EntityDefinition parent, string segment) =>
        EntitySchemas.All.FirstOrDefault(e => e.Parent != null && Is(e.Parent.ParentEntity, parent.Name) && Is(e.Parent.Segment, segment));

    private static SandboxResponse? Only(string method, string allowed, Route route) =>
        method == allowed ? null : SandboxResponse.MethodNotAllowed(method);

    private static SandboxResponse? OneOf(string method, Route route, params string[] allowed) =>
        allowed.Contains(method) ? null : SandboxResponse.MethodNotAllowed(method);

    private static bool IsId(string segment, out long id) =>
        long.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out id);

    private static bool Is(string actual, string expected) => string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase);
}
