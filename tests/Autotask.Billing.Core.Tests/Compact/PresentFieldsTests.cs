using System.Reflection;
using Autotask.Billing.Autotask.Entities;

namespace Autotask.Billing.Tests.Compact;

/// <summary>The types that keep their optional values in PresentFields: each property has a field and a bit of its own.</summary>
public sealed class PresentFieldsTests
{
    public static TheoryData<Type> CompactTypes => new() { typeof(ContractService), typeof(ContractServiceUnit), typeof(TransactionSummary) };

    [Theory]
    [MemberData(nameof(CompactTypes))]
    public void Each_optional_value_is_absent_until_set_and_set_alone(Type type)
    {
        var optional = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => Nullable.GetUnderlyingType(p.PropertyType) is not null)
            .ToList();
        Assert.True(optional.Count >= 5);

        var empty = Activator.CreateInstance(type)!;
        Assert.All(optional, p => Assert.Null(p.GetValue(empty)));

        foreach (var set in optional)
        {
            var value = Sample(Nullable.GetUnderlyingType(set.PropertyType)!);
            var item = Activator.CreateInstance(type)!;
            set.SetValue(item, value);

            Assert.Equal(value, set.GetValue(item));
            Assert.All(optional.Where(p => p != set), p => Assert.Null(p.GetValue(item)));

            // Zero is a value, not absence; and a value set back to null is absent again.
            set.SetValue(item, Activator.CreateInstance(Nullable.GetUnderlyingType(set.PropertyType)!));
            Assert.NotNull(set.GetValue(item));
            set.SetValue(item, null);
            Assert.Null(set.GetValue(item));
        }
    }

    private static object Sample(Type type) =>
        type == typeof(long) ? 4_000_000_001L
        : type == typeof(int) ? 17
        : type == typeof(decimal) ? 12.3450m
        : type == typeof(DateTime) ? new DateTime(2026, 10, 31, 0, 0, 0, DateTimeKind.Utc)
        : type == typeof(bool) ? true
        : throw new NotSupportedException(type.Name);
}
