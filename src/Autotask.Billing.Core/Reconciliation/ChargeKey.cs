namespace Autotask.Billing.Reconciliation;

/// <summary>
/// The idempotency key of a contract charge, written to its <c>internalPurchaseOrderNumber</c> (50 characters, not
/// shown on invoices). Compare reads the charges of the contracts a run charges in bulk and reports a line whose key
/// is there as in step; before creating a charge, sync reads them again and creates none whose key is already there,
/// so a re-run never charges twice even when the journal is lost. Both sides take the key from here.
/// A vendor transaction's key is its id when it fits, else "#" and a SHA-256 prefix of it; the prorated charge for
/// the days before a change takes effect is keyed by customer, SKU and the two dates.
/// </summary>
internal static class ChargeKey
{
    public const int MaxLength = 50;

    public static string ForTransaction(string transactionId) =>
        transactionId.Length <= MaxLength && !transactionId.StartsWith("#", StringComparison.Ordinal)
            ? transactionId
            : "#" + Hash(transactionId, MaxLength - 1);

    public static string ForProratedGap(string source, string customerId, string sku, DateTime from, DateTime until) =>
        "#gap-" + Hash(FormattableString.Invariant($"{source}|{customerId}|{sku}|{from:yyyy-MM-dd}|{until:yyyy-MM-dd}"), 40);

    internal static string Hash(string text, int length) => Sha256Hex.Prefix(text, length);
}
