using Newtonsoft.Json.Linq;

namespace Autotask.Billing.Autotask.Transport;

/// <summary>What came back for one attempt, already classified.</summary>
internal sealed class AutotaskHttpResponse
{
    public AutotaskHttpResponse(
        Uri url,
        int? statusCode,
        JObject? body,
        IReadOnlyList<string> errors,
        TimeSpan? retryAfter,
        TransportFailure transportFailure,
        Exception? transportError,
        bool isThreadThresholdError,
        ResponseDisposition disposition)
    {
        Url = url;
        StatusCode = statusCode;
        Body = body;
        Errors = errors;
        RetryAfter = retryAfter;
        TransportFailure = transportFailure;
        TransportError = transportError;
        IsThreadThresholdError = isThreadThresholdError;
        Disposition = disposition;
    }

    public Uri Url { get; }

    public int? StatusCode { get; }

    public JObject? Body { get; }

    public IReadOnlyList<string> Errors { get; }

    public TimeSpan? RetryAfter { get; }

    public TransportFailure TransportFailure { get; }

    public Exception? TransportError { get; }

    public bool IsThreadThresholdError { get; }

    public ResponseDisposition Disposition { get; }

    public bool IsSuccess => Disposition == ResponseDisposition.Success;

    public bool IsThrottled => StatusCode == 429 || IsThreadThresholdError;
}
