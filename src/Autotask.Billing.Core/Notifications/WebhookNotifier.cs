using System.Net;
using System.Net.Http;
using System.Text;

namespace Autotask.Billing.Notifications;

/// <summary>
/// Posts a <see cref="NotificationMessage"/> to a chat webhook (Slack, Teams, or anything that takes {"text": ...}).
/// One retry after 429 or a 5xx answer (honouring a short Retry-After); a connection failure is not retried, since
/// the message may have arrived. Errors name the webhook by scheme and host only: its path is its secret.
/// </summary>
public sealed class WebhookNotifier : IDisposable
{
    private const int BodyExcerptLength = 200;

    private readonly HttpClient _http;

    /// <param name="handler">The HTTP stack to use; the notifier's own when null. A handler given here is not disposed.</param>
    public WebhookNotifier(HttpMessageHandler? handler = null)
    {
        _http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        _http.Timeout = Timeout.InfiniteTimeSpan;
    }

    /// <summary>The wait before the retry when the webhook gives no usable Retry-After.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest Retry-After honoured; a longer one is waited for only this long.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one request may take.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How output, prompts and errors name a webhook: scheme, host and port, never the secret path or query.</summary>
    public static string Describe(Uri webhook) => WebhookAddress.Describe(webhook ?? throw new ArgumentNullException(nameof(webhook)));

    public async Task<NotificationDelivery> SendAsync(Uri webhook, NotificationMessage message, WebhookFormat format, CancellationToken cancellationToken)
    {
        if (webhook is null)
        {
            throw new ArgumentNullException(nameof(webhook));
        }

        if (message is null)
        {
            throw new ArgumentNullException(nameof(message));
        }

        if (!webhook.IsAbsoluteUri || (webhook.Scheme != Uri.UriSchemeHttps && webhook.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException("The webhook address must be an absolute http:// or https:// URL.", nameof(webhook));
        }

        var destination = WebhookAddress.Describe(webhook);
        var payload = WebhookPayload.Create(message, format);
        for (var attempt = 1; ; attempt++)
        {
            using var response = await PostAsync(webhook, destination, payload, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return new NotificationDelivery(NotificationChannel.Webhook, destination, message.Subject, attempt, DateTime.UtcNow);
            }

            var status = (int)response.StatusCode;
            var retryable = status == 429 || status >= 500;
            if (retryable && attempt == 1)
            {
                await Task.Delay(RetryWait(response), cancellationToken).ConfigureAwait(false);
                continue;
            }

            var excerpt = await ExcerptAsync(response, webhook).ConfigureAwait(false);
            var reason = WebhookAddress.Scrub(response.ReasonPhrase ?? string.Empty, webhook);
            var answer = reason.Length == 0 ? status.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{status} {reason}";
            var again = attempt > 1 ? " again after one retry" : string.Empty;
            throw new NotificationDeliveryException(NotificationChannel.Webhook, destination, $"The webhook at {destination} answered {answer}{again}{excerpt}", status);
        }
    }

    public void Dispose() => _http.Dispose();

    private async Task<HttpResponseMessage> PostAsync(Uri webhook, string destination, string payload, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(RequestTimeout);
        using var content = new StringContent(payload, Encoding.UTF8, "application/json");
        try
        {
            return await _http.PostAsync(webhook, content, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new NotificationDeliveryException(NotificationChannel.Webhook, destination,
                $"The webhook at {destination} did not answer within {RequestTimeout.TotalSeconds:0} seconds; the message may or may not have arrived.");
        }
        catch (HttpRequestException exception)
        {
            var detail = WebhookAddress.Scrub(Innermost(exception).Message, webhook);
            throw new NotificationDeliveryException(NotificationChannel.Webhook, destination,
                $"Could not reach the webhook at {destination}: {detail}",
                innerException: WebhookAddress.Reveals(exception.ToString(), webhook) ? null : exception);
        }
    }

    private TimeSpan RetryWait(HttpResponseMessage response)
    {
        var retryAfter = response.Headers.RetryAfter;
        var wait = retryAfter?.Delta
            ?? (retryAfter?.Date is { } date ? date - DateTimeOffset.UtcNow : (TimeSpan?)null)
            ?? RetryDelay;
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > MaxRetryDelay ? MaxRetryDelay : wait;
    }

    private static async Task<string> ExcerptAsync(HttpResponseMessage response, Uri webhook)
    {
        var body = response.Content is null ? string.Empty : (await response.Content.ReadAsStringAsync().ConfigureAwait(false)).Trim();
        if (body.Length == 0)
        {
            return string.Empty;
        }

        var excerpt = body.Length <= BodyExcerptLength ? body : body.Substring(0, BodyExcerptLength) + "…";
        return " — " + WebhookAddress.Scrub(excerpt.Replace('\r', ' ').Replace('\n', ' '), webhook);
    }

    private static Exception Innermost(Exception exception)
    {
        while (exception.InnerException is not null)
        {
            exception = exception.InnerException;
        }

        return exception;
    }
}
