namespace Autotask.Billing.Autotask.Transport;

/// <summary>What came back for one attempt, already classified; <see cref="AutotaskHttpResponse{TBody}"/> adds the body.</summary>
internal abstract class AutotaskHttpResponse
{
    protected AutotaskHttpResponse(
        Uri url,
        int? statusCode,
        Exception? bodyError,
        IReadOnlyList<string> errors,
        TimeSpan? retryAfter,
        TransportFailure transportFailure,
        Exception? transportError,
        bool isThreadThresholdError,
        ResponseDisposition disposition)
    {
        Url = url;
        StatusCode = statusCode;
        BodyError = bodyError;
        Errors = errors;
        RetryAfter = retryAfter;
        TransportFailure = transportFailure;
        TransportError = transportError;
        IsThreadThresholdError = isThreadThresholdError;
        Disposition = disposition;
    }

    public Uri Url { get; }

    public int? StatusCode { get; }

    /// <summary>Why a success's body, valid JSON, could not be read into what was asked for (a value the model cannot take).</summary>
    public Exception? BodyError { get; }

    public IReadOnlyList<string> Errors { get; }

    public TimeSpan? RetryAfter { get; }

    public TransportFailure TransportFailure { get; }

    public Exception? TransportError { get; }

    public bool IsThreadThresholdError { get; }

    public ResponseDisposition Disposition { get; }

    public bool IsSuccess => Disposition == ResponseDisposition.Success;

    public bool IsThrottled => StatusCode == 429 || IsThreadThresholdError;
}
