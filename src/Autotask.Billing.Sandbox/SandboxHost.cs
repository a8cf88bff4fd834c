using System.Net;
using System.Net.Sockets;
using System.Text;
using Autotask.Billing.Sandbox.Protocol;

namespace Autotask.Billing.Sandbox;

// Serves a sandbox over real HTTP on 127.0.0.1 with HttpListener; answers exactly like CreateHandler().
public sealed class SandboxHost : IDisposable
{
    private readonly AutotaskSandbox _sandbox;
    private readonly HttpListener _listener;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;

    private SandboxHost(AutotaskSandbox sandbox, HttpListener listener, int port)
    {
        _sandbox = sandbox;
        _listener = listener;
        BaseUri = new Uri($"http://127.0.0.1:{port}/");
        _loop = Task.Run(AcceptLoopAsync);
    }

    public Uri BaseUri { get; }

    public Uri ZoneUri => new(BaseUri, "ATServicesRest/");

    // Port 0 picks a free port.
    public static SandboxHost Start(AutotaskSandbox sandbox, int port = 0)
    {
        if (sandbox == null)
        {
            throw new ArgumentNullException(nameof(sandbox));
        }

        for (var attempt = 0; ; attempt++)
        {
            var chosen = port == 0 ? FreePort() : port;
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{chosen}/");
            try
            {
                listener.Start();
                return new SandboxHost(sandbox, listener, chosen);
            }
            catch (HttpListenerException) when (port == 0 && attempt < 5)
            {
                listener.Close();
            }
        }
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }

        _stopping.Dispose();
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(context));
        }
    }

    // HttpListener's Abort alone can still send an empty 200 on Linux, so promise a body, send part of it and
    // abort: the client sees the connection end mid-response, as when a proxy or network drops it.
    private static async Task DropAsync(HttpListenerResponse response)
    {
        response.StatusCode = 200;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength64 = 1024;
        await response.OutputStream.WriteAsync(new[] { (byte)'{' }, 0, 1).ConfigureAwait(false);
        await response.OutputStream.FlushAsync().ConfigureAwait(false);
        response.Abort();
    }

    private async Task ServeAsync(HttpListenerContext context)
    {
        try
        {
            var request = context.Request;
            string? body = null;
            if (request.HasEntityBody)
            {
                using var reader = new StreamReader(request.InputStream, request.ContentEncoding ?? Encoding.UTF8);
                body = await reader.ReadToEndAsync().ConfigureAwait(false);
            }

            var headers = request.Headers.AllKeys.Where(k => k != null).ToDictionary(k => k!, k => request.Headers[k]!, StringComparer.OrdinalIgnoreCase);
            var response = await _sandbox.HandleAsync(new SandboxRequest(request.HttpMethod, request.Url!, headers, body), _stopping.Token).ConfigureAwait(false);
            if (response.DropConnection)
            {
                await DropAsync(context.Response).ConfigureAwait(false);
                return;
            }

            var output = context.Response;
            output.StatusCode = response.StatusCode;
            foreach (var header in response.Headers)
            {
                output.AddHeader(header.Key, header.Value);
            }

            var bytes = response.Body == null ? Array.Empty<byte>() : Encoding.UTF8.GetBytes(response.Body);
            if (response.Body != null)
            {
                output.ContentType = "application/json; charset=utf-8";
            }

            output.ContentLength64 = bytes.Length;
            await output.OutputStream.WriteAsync(bytes, 0, bytes.Length).ConfigureAwait(false);
            output.Close();
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or IOException or OperationCanceledException)
        {
            context.Response.Abort();
        }
    }
}
