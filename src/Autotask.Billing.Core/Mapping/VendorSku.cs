namespace Autotask.Billing.Mapping;

/// <summary>A vendor SKU as billing lines show it: billed every period (recurring or usage), once, or both.</summary>
public sealed class VendorSku
{
    public VendorSku(string source, string sku, bool billsRecurring, bool billsOneTime)
    {
        Source = MappingKeys.RequireText(source, nameof(source));
        Sku = MappingKeys.RequireText(sku, nameof(sku));
        BillsRecurring = billsRecurring;
        BillsOneTime = billsOneTime;
    }

    public string Source { get; }

    public string Sku { get; }

    /// <summary>Recurring or usage lines bill the SKU: it needs a service.</summary>
    public bool BillsRecurring { get; }

    /// <summary>One-time lines bill the SKU: it needs a product.</summary>
    public bool BillsOneTime { get; }

    /// <summary>The SKU as a line of this charge type shows it; credits say nothing about the catalog a SKU needs.</summary>
    public static VendorSku FromLine(string source, string sku, ChargeType chargeType) =>
        new(source, sku, chargeType is ChargeType.Recurring or ChargeType.Usage, chargeType == ChargeType.OneTime);

    /// <summary>One per source and SKU, with what all of its lines need.</summary>
    public static IReadOnlyList<VendorSku> Distinct(IEnumerable<VendorSku> skus)
    {
        var byKey = new Dictionary<string, VendorSku>(MappingKeys.Comparer);
        var order = new List<string>();
        foreach (var sku in skus ?? throw new ArgumentNullException(nameof(skus)))
        {
            var key = MappingKeys.Of(sku.Source, sku.Sku);
            if (byKey.TryGetValue(key, out var known))
            {
                byKey[key] = new VendorSku(known.Source, known.Sku, known.BillsRecurring || sku.BillsRecurring, known.BillsOneTime || sku.BillsOneTime);
            }
            else
            {
                byKey[key] = sku;
                order.Add(key);
            }
        }

        return order.Select(key => byKey[key]).ToList();
    }
}
