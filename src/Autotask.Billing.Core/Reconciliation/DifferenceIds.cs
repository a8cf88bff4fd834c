namespace Autotask.Billing.Reconciliation;

/// <summary>
/// DifferenceId: a hash of kind, source, customer, SKU and transaction (case and surrounding space ignored), so the
/// same finding gets the same id in every run and the sync journal can recognise it.
/// </summary>
internal static class DifferenceIds
{
    public static string For(DifferenceKind kind, string source, string customerId, string sku, string? transactionId)
    {
        var key = string.Join("\u001F", kind.ToString(), Normal(source), Normal(customerId), Normal(sku), Normal(transactionId));
        return "D-" + Sha256Hex.Prefix(key, 20);
    }

    private static string Normal(string? value) => (value ?? string.Empty).Trim().ToUpperInvariant();
}
