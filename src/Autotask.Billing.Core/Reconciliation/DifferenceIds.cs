using System.Security.Cryptography;
using System.Text;

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
        using var sha = SHA256.Create();
        var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(key));
        var text = new StringBuilder("D-", 22);
        for (var i = 0; i < 10; i++)
        {
            text.Append(hash[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    private static string Normal(string? value) => (value ?? string.Empty).Trim().ToUpperInvariant();
}
