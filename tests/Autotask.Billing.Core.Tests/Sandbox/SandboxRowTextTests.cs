using System.Globalization;
using Autotask.Billing.Sandbox;
using Autotask.Billing.Sandbox.Model;
using Autotask.Billing.Sandbox.Protocol;
using Autotask.Billing.Sandbox.Store;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Autotask.Billing.Tests.Sandbox;

/// <summary>
/// The sandbox writes query pages with the text of dates and money cached and field names unescaped; the bytes must be
/// exactly those of writing every value through <see cref="WireValues.Write(JsonWriter, FieldDefinition, object?)"/>
/// with escaped names, as it always did.
/// </summary>
public sealed class SandboxRowTextTests
{
    [Fact]
    public void Every_row_of_the_demo_tenant_and_of_awkward_money_and_dates_is_written_byte_for_byte_as_before()
    {
        using var sandbox = AutotaskSandbox.CreateDemo();
        var service = sandbox.Data.All("Services").First()["id"]!.Value<long>();
        var contract = sandbox.Data.All("Contracts").First(c => c["contractType"]!.Value<long>() == 7)["id"]!.Value<long>();
        var prices = new[] { 0.1m, 0.3333m, 1234567.891m, -0.0001m, 10m, 10.00m, 99999999.9999m, 0m, 7.2m };
        var day = new DateTime(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc);
        foreach (var (price, i) in prices.Select((p, i) => (p, i)))
        {
            sandbox.Data.AddAdjustment(contract, service, day.AddDays(i * 31), 1 + i, price, price / 3);
        }

        var rows = 0;
        sandbox.Locked(tenant =>
        {
            tenant.Recurring.Refresh();
            foreach (var table in tenant.Store.Tables)
            {
                var entity = table.Definition;
                var udfs = tenant.Store.UserDefinedFields(entity.Name);
                foreach (var restricted in new[] { false, true })
                {
                    var include = restricted ? entity.Fields.Where((f, i) => i % 2 == 0).ToList() : null;
                    var fields = RowWriter.Fields(entity, include, tenant.Store.IsVisible);
                    foreach (var row in table.Rows)
                    {
                        Assert.Equal(Before(entity, row, include, udfs, tenant.Store.IsVisible), Text(w => RowWriter.Write(w, entity, row, fields, restricted, udfs)));
                        rows++;
                    }
                }
            }

            return 0;
        });

        Assert.True(rows > 100, $"only {rows} rows were compared");
    }

    [Fact]
    public void Dates_and_money_repeat_from_the_cache_with_the_same_text()
    {
        var date = new FieldDefinition("startDate", FieldType.DateTime, 1);
        var dateOnly = new FieldDefinition("effectiveDate", FieldType.Date, 2);
        var money = new FieldDefinition("unitPrice", FieldType.Decimal, 3);
        var at = new DateTime(2023, 3, 17, 10, 32, 29, 520, DateTimeKind.Utc);

        for (var round = 0; round < 2; round++)
        {
            Assert.Equal("\"2023-03-17T10:32:29.52Z\"", Text(w => WireValues.WriteText(w, date, at)));
            Assert.Equal("\"2023-03-17T00:00:00\"", Text(w => WireValues.WriteText(w, dateOnly, at)));
            Assert.Equal("0.1", Text(w => WireValues.WriteText(w, money, 0.1m)));
            Assert.Equal("10.0", Text(w => WireValues.WriteText(w, money, 10.00m)));
            Assert.Equal("-0.0", Text(w => WireValues.WriteText(w, money, -0.0000m)));
            Assert.Equal("0.0", Text(w => WireValues.WriteText(w, money, 0m)));
        }
    }

    // How a row was written before: every name escaped, every value through WireValues.Write.
    private static string Before(EntityDefinition entity, EntityRow row, IReadOnlyList<FieldDefinition>? include, IReadOnlyList<UserDefinedFieldDefinition> udfs, Func<FieldDefinition, bool> visible) => Text(writer =>
    {
        writer.WriteStartObject();
        foreach (var field in (include ?? entity.Fields).Where(visible))
        {
            writer.WritePropertyName(field.Name);
            WireValues.Write(writer, field, row.Values[field.Ordinal]);
        }

        if (entity.HasUserDefinedFields)
        {
            writer.WritePropertyName("userDefinedFields");
            writer.WriteStartArray();
            foreach (var definition in include == null ? udfs : Array.Empty<UserDefinedFieldDefinition>())
            {
                writer.WriteStartObject();
                writer.WritePropertyName("name");
                writer.WriteValue(definition.Name);
                writer.WritePropertyName("value");
                writer.WriteValue(row.UserDefinedValue(definition.Name));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    });

    private static string Text(Action<JsonTextWriter> write)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var writer = new JsonTextWriter(text))
        {
            write(writer);
        }

        return text.ToString();
    }
}
