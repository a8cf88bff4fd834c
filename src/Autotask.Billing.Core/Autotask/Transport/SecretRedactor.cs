namespace Autotask.Billing.Autotask.Transport;

/// <summary>
/// Removes the credential's secret values from any text that leaves the client (messages, logs), in case a server,
/// gateway or transport ever echoes them — in any form they could come back in: literal, URL-encoded (either
/// style), HTML-encoded, JSON-escaped (Newtonsoft's and System.Text.Json's escaping), and Base64 of the header value.
/// </summary>
internal sealed class SecretRedactor
{
    private const string Mask = "********";
    private readonly string[] _secrets;

    public SecretRedactor(AutotaskCredential credential)
    {
        _secrets = new[] { credential.Secret.Reveal(), credential.IntegrationCode.Reveal() }
            .Where(static secret => secret.Length > 0)
            .SelectMany(Forms)
            .Where(static form => form.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(static form => form.Length)
            .ToArray();
    }

    public string Redact(string text)
    {
        foreach (var secret in _secrets)
        {
            if (text.IndexOf(secret, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                text = ReplaceIgnoringCase(text, secret);
            }
        }

        return text;
    }

    public IReadOnlyList<string> Redact(IReadOnlyList<string> texts) => texts.Select(Redact).ToArray();

    /// <summary>Every encoding in which the value could be echoed back.</summary>
    internal static IEnumerable<string> Forms(string secret)
    {
        yield return secret;
        yield return Uri.EscapeDataString(secret);
        yield return System.Net.WebUtility.UrlEncode(secret);
        yield return System.Net.WebUtility.HtmlEncode(secret);
        var json = Newtonsoft.Json.JsonConvert.ToString(secret);
        yield return json.Substring(1, json.Length - 2);
        var htmlSafeJson = Newtonsoft.Json.JsonConvert.ToString(secret, '"', Newtonsoft.Json.StringEscapeHandling.EscapeHtml);
        yield return htmlSafeJson.Substring(1, htmlSafeJson.Length - 2);
        yield return EscapeAllButAlphanumerics(secret);
        var base64 = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(secret));
        yield return base64;
        yield return base64.TrimEnd('=');
        yield return base64.TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>As System.Text.Json's default encoder writes it: \uXXXX for everything outside a safe set.</summary>
    private static string EscapeAllButAlphanumerics(string secret)
    {
        var builder = new System.Text.StringBuilder(secret.Length * 2);
        foreach (var c in secret)
        {
            if (c < 128 && (char.IsLetterOrDigit(c) || c is ' ' or '-' or '_' or '.' or ',' or ':' or ';' or '/' or '=' or '!' or '#' or '$' or '%' or '(' or ')' or '*' or '?' or '@' or '[' or ']' or '^' or '{' or '}' or '|' or '~'))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    private static string ReplaceIgnoringCase(string text, string secret)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        var start = 0;
        int index;
        while ((index = text.IndexOf(secret, start, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            builder.Append(text, start, index - start).Append(Mask);
            start = index + secret.Length;
        }

        return builder.Append(text, start, text.Length - start).ToString();
    }
}
