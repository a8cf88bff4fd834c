namespace Autotask.Billing.Autotask.Transport;

/// <summary>
/// One attempt's answer with its body: a success's body read straight from the response into <typeparamref name="TBody"/>
/// (a typed page, an entity, or a JObject where the shape is free-form); null for failures, whose errors[] are in
/// <see cref="AutotaskHttpResponse.Errors"/>.
/// </summary>
internal sealed class AutotaskHttpResponse<TBody> : AutotaskHttpResponse
    where TBody : class
{
    public AutotaskHttpResponse(
        Uri url,
        int? statusCode,
        TBody? body,
        Exception? bodyError,
        IReadOnlyList<string> errors,
        TimeSpan? retryAfter,
        TransportFailure transportFailure,
        Exception? transportError,
        bool isThreadThresholdError,
        ResponseDisposition disposition)
        : base(url, statusCode, bodyError, errors, retryAfter, transportFailure, transportError, isThreadThresholdError, disposition)
    {
        Body = body;
    }

    public TBody? Body { get; }
}
