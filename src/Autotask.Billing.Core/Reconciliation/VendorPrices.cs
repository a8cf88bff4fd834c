using Autotask.Billing.Mapping;

namespace Autotask.Billing.Reconciliation;

/// <summary>
/// The one owner of "what the customer pays" for a vendor line (BILLING-RULES §1.1, §4, §5): the customer unit price
/// from the source or from the price basis setting, and the money of a one-time, usage, credit or refund charge
/// taken from the vendor's signed line amount, to the cent.
/// </summary>
internal static class VendorPrices
{
    /// <summary>
    /// The customer's unit price: the source's customer price when it gives one; otherwise the price basis
    /// (list price by default; cost plus markup; the partner's cost only when chosen; none = keep Autotask's price).
    /// </summary>
    public static decimal? UnitPrice(BillingSettings settings, decimal? customerPrice, decimal? listPrice, decimal? cost)
    {
        if (customerPrice is not null)
        {
            return customerPrice;
        }

        return settings.PriceBasis switch
        {
            PriceBasis.ListPrice => listPrice,
            PriceBasis.CostPlusMarkup => cost is decimal c ? Math.Round(c * (1m + (settings.MarkupPercent / 100m)), 4, MidpointRounding.AwayFromZero) : null,
            PriceBasis.Cost => cost,
            _ => null,
        };
    }

    /// <summary>
    /// A charge line's signed totals: the cost is the vendor's signed line amount (what the vendor bills the MSP);
    /// the price is that amount at the customer's price (amount × customer unit price ÷ unit cost), a credit at its
    /// face value, and the amount itself when the source gives no unit cost to scale by. Without an amount the
    /// totals are quantity × unit figures, negative for refunds. Price is null when the price basis keeps Autotask's price.
    /// </summary>
    public static (decimal? Price, decimal? Cost) ChargeTotals(BillingSettings settings, Transaction line)
    {
        var sign = line.Amount < 0m || line.Kind is ChargeKind.Refund or ChargeKind.Credit && line.Amount is null ? -1m : 1m;
        var units = Math.Abs(line.Quantity);
        var cost = line.Amount ?? (line.UnitCost is decimal unitCost ? Proration.RoundMoney(sign * units * Math.Abs(unitCost)) : null);
        if (line.Kind == ChargeKind.Credit && line.Amount is decimal credit)
        {
            return (credit, credit);
        }

        var unitPrice = UnitPrice(settings, line.UnitPrice, line.ListUnitPrice, line.UnitCost);
        if (unitPrice is not decimal price)
        {
            return (null, cost);
        }

        if (line.Amount is decimal amount)
        {
            return line.UnitCost is decimal scale && scale != 0m
                ? (Proration.RoundMoney(amount * price / scale), cost)
                : (amount, cost);
        }

        return (Proration.RoundMoney(sign * units * Math.Abs(price)), cost);
    }

    /// <summary>
    /// How a charge of these totals is written: the line's quantity when both totals divide by it exactly (to
    /// Autotask's four decimals), else one unit at the totals, so quantity × unit price is the vendor's money to the cent.
    /// </summary>
    public static (decimal Quantity, decimal? UnitPrice, decimal? UnitCost) ChargeUnits(decimal lineQuantity, decimal? priceTotal, decimal? costTotal)
    {
        var quantity = Math.Abs(lineQuantity);
        if (quantity != 0m && Divides(priceTotal, quantity) && Divides(costTotal, quantity))
        {
            return (quantity, priceTotal / quantity, costTotal / quantity);
        }

        return (1m, priceTotal, costTotal);
    }

    private static bool Divides(decimal? total, decimal quantity) =>
        total is not decimal value || Math.Round(value / quantity, 4) * quantity == value;
}
