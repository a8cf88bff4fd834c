using Autotask.Billing.Autotask.Serialization;
using Newtonsoft.Json.Linq;

namespace Autotask.Billing.Autotask.Entities;

/// <summary>
/// The wire-named properties that differ between two versions of an entity: the body of a partial update
/// (PATCH sends only what changed, so fields the caller never touched cannot be overwritten).
/// </summary>
public static class AutotaskEntityChanges
{
    public static IReadOnlyDictionary<string, object?> Between<T>(T before, T after)
        where T : AutotaskEntity
    {
        if (before is null)
        {
            throw new ArgumentNullException(nameof(before));
        }

        if (after is null)
        {
            throw new ArgumentNullException(nameof(after));
        }

        var old = AutotaskJson.FromObject(before);
        var updated = AutotaskJson.FromObject(after);
        var changes = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in old.Properties().Select(static p => p.Name).Union(updated.Properties().Select(static p => p.Name)))
        {
            if (name == "id")
            {
                continue;
            }

            var newValue = updated[name];
            if (!JToken.DeepEquals(old[name], newValue))
            {
                changes[name] = newValue;
            }
        }

        return changes;
    }
}
