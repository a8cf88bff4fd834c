using System.Reflection;
using Autotask.Billing.Autotask.Entities;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace Autotask.Billing.Autotask.Serialization;

/// <summary>PascalCase C# properties on camelCase wire names; an entity without an id (0) is written without one.</summary>
internal sealed class AutotaskContractResolver : DefaultContractResolver
{
    public AutotaskContractResolver()
    {
        NamingStrategy = new CamelCaseNamingStrategy { ProcessDictionaryKeys = false, OverrideSpecifiedNames = false };
    }

    protected override JsonProperty CreateProperty(MemberInfo member, MemberSerialization memberSerialization)
    {
        var property = base.CreateProperty(member, memberSerialization);
        if (member.DeclaringType == typeof(AutotaskEntity) && member.Name == nameof(AutotaskEntity.Id))
        {
            property.ShouldSerialize = entity => ((AutotaskEntity)entity).Id != 0;
        }

        return property;
    }
}
