namespace Autotask.Billing.Autotask.Transport;

/// <summary>
/// Removes the credential's secret values from any text that leaves the client (messages, logs), in case a
/// server or transport ever echoes them.
/// </summary>
internal sealed class SecretRedactor
{
    private const string Mask = "********";
    private readonly string[] _secrets;

    public SecretRedactor(AutotaskCredential credential)
    {
        _secrets = new[] { credential.Secret.Reveal(), credential.IntegrationCode.Reveal() }
            .Where(static secret => secret.Length > 0)
            .OrderByDescending(static secret => secret.Length)
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
