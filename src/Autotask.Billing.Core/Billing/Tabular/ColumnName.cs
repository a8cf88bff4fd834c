using System.Text;

namespace Autotask.Billing.Tabular;

/// <summary>Header names compare after dropping BOM, spaces, '_' and '-' and ignoring case ("Customer ID" = "customerId").</summary>
internal static class ColumnName
{
    public static string Normalize(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (c == '\uFEFF' || c == ' ' || c == '_' || c == '-' || c == '\t' || c == '"')
            {
                continue;
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
