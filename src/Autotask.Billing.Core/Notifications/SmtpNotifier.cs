using System.Net.Mail;
using System.Net.Mime;
using System.Text;

namespace Autotask.Billing.Notifications;

/// <summary>
/// Mails a <see cref="NotificationMessage"/> (plain text, UTF-8) through the admin's SMTP server with System.Net.Mail.
/// Failures are a <see cref="NotificationDeliveryException"/> whose text never holds the password, even when the
/// server echoes what it was sent.
/// </summary>
public sealed class SmtpNotifier
{
    private readonly SmtpSettings _settings;

    public SmtpNotifier(SmtpSettings settings) => _settings = settings ?? throw new ArgumentNullException(nameof(settings));

    public async Task<NotificationDelivery> SendAsync(NotificationMessage message, CancellationToken cancellationToken)
    {
        if (message is null)
        {
            throw new ArgumentNullException(nameof(message));
        }

        cancellationToken.ThrowIfCancellationRequested();
        using var mail = new MailMessage
        {
            From = new MailAddress(_settings.From),
            Subject = NotificationText.OneLine(message.Subject),
            SubjectEncoding = Encoding.UTF8,
            Body = message.PlainText.Replace("\n", "\r\n"),
            BodyEncoding = Encoding.UTF8,
            BodyTransferEncoding = TransferEncoding.Base64,
            IsBodyHtml = false,
        };
        foreach (var recipient in _settings.To)
        {
            mail.To.Add(recipient);
        }

        using var client = new SmtpClient(_settings.Server, _settings.Port)
        {
            DeliveryMethod = SmtpDeliveryMethod.Network,
            EnableSsl = _settings.UseSsl,
            UseDefaultCredentials = false,
            Credentials = _settings.Credential,
            Timeout = (int)Math.Min(int.MaxValue, _settings.Timeout.TotalMilliseconds),
        };

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_settings.Timeout);
        using (timeout.Token.Register(client.SendAsyncCancel))
        {
            try
            {
                await client.SendMailAsync(mail).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                throw Failure($"The mail server {_settings.Server}:{_settings.Port} did not accept the message within {_settings.Timeout.TotalSeconds:0} seconds.", null, null);
            }
            catch (SmtpException exception)
            {
                var status = exception is SmtpFailedRecipientException recipient ? (int)recipient.StatusCode : (int)exception.StatusCode;
                throw Failure($"The mail server {_settings.Server}:{_settings.Port} did not take the message: {Describe(exception)}", status, exception);
            }
            catch (Exception exception) when (exception is IOException or System.Net.Sockets.SocketException or InvalidOperationException)
            {
                throw Failure($"Could not send mail through {_settings.Server}:{_settings.Port}: {Describe(exception)}", null, exception);
            }
        }

        return new NotificationDelivery(NotificationChannel.Email, _settings.Destination, mail.Subject, 1, DateTime.UtcNow);
    }

    private NotificationDeliveryException Failure(string message, int? status, Exception? exception) =>
        new(NotificationChannel.Email, _settings.Destination, Scrub(message), status, exception is not null && !Reveals(exception.ToString()) ? exception : null);

    private static string Describe(Exception exception)
    {
        var messages = new List<string>();
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (!messages.Contains(current.Message))
            {
                messages.Add(current.Message);
            }
        }

        return string.Join(" ", messages);
    }

    private IEnumerable<string> Secrets()
    {
        var password = _settings.Credential?.Password;
        if (string.IsNullOrEmpty(password))
        {
            yield break;
        }

        yield return password!;

        // AUTH LOGIN and PLAIN send the password base64-encoded; a server may echo that back in its refusal.
        yield return Convert.ToBase64String(Encoding.UTF8.GetBytes(password!));
        var user = _settings.Credential!.UserName ?? string.Empty;
        yield return Convert.ToBase64String(Encoding.UTF8.GetBytes("\0" + user + "\0" + password));
    }

    private string Scrub(string text)
    {
        foreach (var secret in Secrets())
        {
            text = text.Replace(secret, "***");
        }

        return text;
    }

    private bool Reveals(string text) => Secrets().Any(secret => text.IndexOf(secret, StringComparison.Ordinal) >= 0);
}
