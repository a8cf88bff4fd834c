using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Autotask.Billing.Sandbox.Protocol;

// In-process transport: the client's HttpClient talks to the sandbox without a socket.
internal sealed class SandboxHttpHandler : HttpMessageHandler
{
    private readonly AutotaskSandbox _sandbox;

    public SandboxHttpHandler(AutotaskSandbox sandbox)
    {
        _sandbox = sandbox;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in request.Headers)
        {
            headers[header.Key] = string.Join(",", header.Value);
        }

        var body = request.Content == null ? null : await request.Content.ReadAsStringAsync().ConfigureAwait(false);
        var response = await _sandbox.HandleAsync(new SandboxRequest(request.Method.Method, request.RequestUri!, headers, body), cancellationToken).ConfigureAwait(false);
        if (response.DropConnection)
        {
            throw new HttpRequestException(
                "An error occurred while sending the request.",
                new IOException("The sandbox applied the request and then dropped the connection."));
        }

        var message = new HttpResponseMessage((HttpStatusCode)response.StatusCode)
        {
            RequestMessage = request,
            Content = response.Body == null
                ? new ByteArrayContent(Array.Empty<byte>())
                : new StringContent(response.Body, Encoding.UTF8, "application/json"),
        };
        foreach (var header in response.Headers)
        {
            if (header.Key.Equals("WWW-Authenticate", StringComparison.OrdinalIgnoreCase))
            {
                message.Headers.WwwAuthenticate.Add(AuthenticationHeaderValue.Parse(header.Value));
            }
            else
            {
                message.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        return message;
    }
}
