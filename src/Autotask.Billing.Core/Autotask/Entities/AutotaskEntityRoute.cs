using System.Collections.Concurrent;
using System.Reflection;

namespace Autotask.Billing.Autotask.Entities;

/// <summary>
/// Where an entity lives on the REST API: its collection, its item and count routes and, for child entities,
/// the parent route that carries creates and updates (the root collection answers 404 to those).
/// </summary>
public sealed class AutotaskEntityRoute
{
    private static readonly ConcurrentDictionary<Type, AutotaskEntityRoute> Routes = new();

    private AutotaskEntityRoute(AutotaskEntityAttribute declaration)
    {
        EntityName = declaration.EntityName;
        Capabilities = declaration.Capabilities;
        ParentEntityName = declaration.ParentEntityName;
        ChildSegment = declaration.ChildSegment;
        ParentIdField = declaration.ParentIdField;
    }

    public string EntityName { get; }

    public AutotaskEntityCapabilities Capabilities { get; }

    public string? ParentEntityName { get; }

    public string? ChildSegment { get; }

    public string? ParentIdField { get; }

    public bool IsWrittenThroughParent => ParentEntityName is not null;

    public static AutotaskEntityRoute For<T>()
        where T : AutotaskEntity => For(typeof(T));

    public static AutotaskEntityRoute For(Type entityType) => Routes.GetOrAdd(entityType, static type =>
    {
        var declaration = type.GetCustomAttribute<AutotaskEntityAttribute>()
            ?? throw new ArgumentException($"{type.Name} does not declare its Autotask entity ([AutotaskEntity]).", nameof(entityType));
        if (declaration.ParentEntityName is not null && (declaration.ChildSegment is null || declaration.ParentIdField is null))
        {
            throw new ArgumentException($"{type.Name} names a parent entity but not its child segment and parent id field.", nameof(entityType));
        }

        return new AutotaskEntityRoute(declaration);
    });

    public bool Allows(AutotaskEntityCapabilities capability) => (Capabilities & capability) == capability;

    internal string QueryPath => EntityName + "/query";

    internal string CountPath => EntityName + "/query/count";

    internal string ItemPath(long id) => EntityName + "/" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The collection that takes POST and PATCH: the parent's child route for child entities.</summary>
    internal string WritePath(long? parentId)
    {
        if (!IsWrittenThroughParent)
        {
            return EntityName;
        }

        if (parentId is null or <= 0)
        {
            throw new ArgumentException(
                $"{EntityName} are written through /{ParentEntityName}/{{{ParentIdField}}}/{ChildSegment}; {ParentIdField} is required.");
        }

        return ParentEntityName + "/" + parentId.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/" + ChildSegment;
    }

    public override string ToString() => EntityName;
}
