namespace Autotask.Billing.Autotask.Transport;

/// <summary>
/// Lends a caller's handler (e.g. the in-process sandbox) to the transport's HttpClient without letting the client's
/// disposal dispose the caller's handler.
/// </summary>
internal sealed class NonDisposingHandler : HttpMessageHandler
{
    private readonly HttpMessageInvoker _invoker;

    public NonDisposingHandler(HttpMessageHandler inner)
    {
        _invoker = new HttpMessageInvoker(inner, disposeHandler: false);
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        _invoker.SendAsync(request, cancellationToken);
}
