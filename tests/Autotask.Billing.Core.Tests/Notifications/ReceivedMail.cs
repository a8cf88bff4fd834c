using System.Text;
using System.Text.RegularExpressions;

namespace Autotask.Billing.Tests.Notifications;

/// <summary>A message as the loopback SMTP server received it, with the headers and body decoded the way a mail reader would.</summary>
internal sealed class ReceivedMail
{
    public ReceivedMail(string from, IReadOnlyList<string> recipients, string raw)
    {
        From = from;
        Recipients = recipients;
        Raw = raw;
        var split = raw.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var headerText = Regex.Replace(raw.Substring(0, split), "\r\n[ \t]+", " ");
        Headers = headerText.Split("\r\n").Select(h => h.Split(':', 2)).Where(h => h.Length == 2)
            .GroupBy(h => h[0].Trim(), StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First()[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var body = raw.Substring(split + 4);
        Body = Headers.TryGetValue("Content-Transfer-Encoding", out var encoding) && encoding.Equals("base64", StringComparison.OrdinalIgnoreCase)
            ? Encoding.UTF8.GetString(Convert.FromBase64String(Regex.Replace(body, "\\s", string.Empty)))
            : body;
    }

    public string From { get; }

    public IReadOnlyList<string> Recipients { get; }

    public string Raw { get; }

    public IReadOnlyDictionary<string, string> Headers { get; }

    public string Subject => DecodeWords(Headers["Subject"]);

    public string Body { get; }

    /// <summary>RFC 2047 encoded words (=?utf-8?B?...?= and =?utf-8?Q?...?=), with the whitespace between them dropped.</summary>
    private static string DecodeWords(string value)
    {
        var joined = Regex.Replace(value, "\\?=\\s+=\\?", "?==?");
        return Regex.Replace(joined, "=\\?([^?]+)\\?([BbQq])\\?([^?]*)\\?=", match =>
        {
            var charset = Encoding.GetEncoding(match.Groups[1].Value);
            var text = match.Groups[3].Value;
            if (match.Groups[2].Value.Equals("B", StringComparison.OrdinalIgnoreCase))
            {
                return charset.GetString(Convert.FromBase64String(text));
            }

            var bytes = new List<byte>();
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '=' && i + 2 < text.Length)
                {
                    bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                    i += 2;
                }
                else
                {
                    bytes.Add(text[i] == '_' ? (byte)' ' : (byte)text[i]);
                }
            }

            return charset.GetString(bytes.ToArray());
        });
    }
}
