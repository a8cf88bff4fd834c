using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Autotask.Billing.Tests.Notifications;

/// <summary>
/// Just enough SMTP on 127.0.0.1 for System.Net.Mail: 220, EHLO (optionally offering AUTH LOGIN), MAIL, RCPT, DATA,
/// QUIT. Records each message; can refuse a password (echoing back what it received, as careless servers do) or a recipient.
/// </summary>
internal sealed class LoopbackSmtpServer : IDisposable
{
    private readonly TcpListener _listener;
    private readonly Task _serving;

    public LoopbackSmtpServer(string? requiredPassword = null, string? refusedRecipient = null)
    {
        RequiredPassword = requiredPassword;
        RefusedRecipient = refusedRecipient;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _serving = Task.Run(AcceptAsync);
    }

    public int Port { get; }

    public string? RequiredPassword { get; }

    public string? RefusedRecipient { get; }

    public ConcurrentQueue<ReceivedMail> Messages { get; } = new();

    public ConcurrentQueue<(string User, string Password)> Logins { get; } = new();

    public void Dispose()
    {
        _listener.Stop();
        try
        {
            _serving.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // Stopping the listener ends the accept loop with an exception.
        }
    }

    private async Task AcceptAsync()
    {
        while (true)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => ConverseAsync(client));
        }
    }

    private async Task ConverseAsync(TcpClient client)
    {
        using var _ = client;
        using var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 loopback ESMTP test server");
        string? from = null;
        var recipients = new List<string>();
        var authenticated = RequiredPassword is null;
        var lastAttempt = string.Empty;
        try
        {
            while (await reader.ReadLineAsync() is { } line)
            {
                var command = line.Length >= 4 ? line.Substring(0, 4).ToUpperInvariant() : line.ToUpperInvariant();
                switch (command)
                {
                    case "EHLO":
                        await writer.WriteLineAsync("250-loopback");
                        if (RequiredPassword is not null)
                        {
                            await writer.WriteLineAsync("250-AUTH LOGIN");
                        }

                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "HELO":
                        await writer.WriteLineAsync("250 loopback");
                        break;
                    case "AUTH":
                        (authenticated, lastAttempt) = await LoginAsync(line, reader, writer);
                        break;
                    case "MAIL" when !authenticated:
                        await writer.WriteLineAsync($"530 5.7.0 Authentication required; last attempt {lastAttempt}");
                        break;
                    case "MAIL":
                        from = Address(line);
                        recipients.Clear();
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "RCPT":
                        var recipient = Address(line);
                        if (string.Equals(recipient, RefusedRecipient, StringComparison.OrdinalIgnoreCase))
                        {
                            await writer.WriteLineAsync($"550 5.1.1 <{recipient}>: no such user");
                        }
                        else
                        {
                            recipients.Add(recipient);
                            await writer.WriteLineAsync("250 OK");
                        }

                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync() is { } dataLine && dataLine != ".")
                        {
                            data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine.Substring(1) : dataLine).Append("\r\n");
                        }

                        Messages.Enqueue(new ReceivedMail(from ?? string.Empty, recipients.ToList(), data.ToString()));
                        await writer.WriteLineAsync("250 OK queued");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 Bye");
                        return;
                    default:
                        await writer.WriteLineAsync("250 OK");
                        break;
                }
            }
        }
        catch (IOException)
        {
            // The client hung up without QUIT.
        }
    }

    private async Task<(bool Authenticated, string Attempt)> LoginAsync(string line, StreamReader reader, StreamWriter writer)
    {
        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        string userLine;
        if (parts.Length >= 3)
        {
            userLine = parts[2];
        }
        else
        {
            await writer.WriteLineAsync("334 " + Convert.ToBase64String(Encoding.ASCII.GetBytes("Username:")));
            userLine = await reader.ReadLineAsync() ?? string.Empty;
        }

        await writer.WriteLineAsync("334 " + Convert.ToBase64String(Encoding.ASCII.GetBytes("Password:")));
        var passwordLine = await reader.ReadLineAsync() ?? string.Empty;
        var user = Encoding.UTF8.GetString(Convert.FromBase64String(userLine));
        var password = Encoding.UTF8.GetString(Convert.FromBase64String(passwordLine));
        Logins.Enqueue((user, password));
        var attempt = $"{user} with {passwordLine} ({password})";
        await writer.WriteLineAsync(password == RequiredPassword ? "235 2.7.0 Authentication successful" : $"535 5.7.8 Authentication failed for {attempt}");
        return (password == RequiredPassword, attempt);
    }

    private static string Address(string line)
    {
        var match = Regex.Match(line, "<([^>]*)>");
        return match.Success ? match.Groups[1].Value : line.Substring(line.IndexOf(':') + 1).Trim();
    }
}
