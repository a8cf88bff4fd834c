using System.Management.Automation;

namespace Autotask.Billing.Infrastructure;

/// <summary>
/// A pipeline object's properties as plain values — what the core's binders take, so that objects from Import-Csv,
/// Import-Clixml (deserialized) or an admin's own REST call bind by property name like the real thing.
/// </summary>
internal static class PropertyBag
{
    public static IReadOnlyDictionary<string, object?> From(PSObject input)
    {
        var bag = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in input.Properties)
        {
            if (!property.IsGettable || bag.ContainsKey(property.Name))
            {
                continue;
            }

            object? value;
            try
            {
                value = property.Value;
            }
            catch (GetValueException)
            {
                continue;
            }

            bag[property.Name] = value is PSObject wrapped ? wrapped.BaseObject : value;
        }

        return bag;
    }
}
