using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Autotask.Billing.Tests.Notifications;

/// <summary>A real HTTP endpoint on 127.0.0.1 (a free port) that records what is posted and answers from a script.</summary>
internal sealed class LoopbackWebhook : IDisposable
{
    public const string SecretPath = "/services/T0001/B0002/SecretToken123";
    public const string SecretQuery = "?sig=QuerySecret456";

    private readonly HttpListener _listener;
    private readonly ConcurrentQueue<(int Status, string Body, string? RetryAfter)> _answers = new();
    private readonly Task _serving;

    public LoopbackWebhook(params (int Status, string Body, string? RetryAfter)[] answers)
    {
        foreach (var answer in answers)
        {
            _answers.Enqueue(answer);
        }

        (_listener, Port) = Start();
        _serving = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public Uri Url => new($"http://127.0.0.1:{Port}{SecretPath}{SecretQuery}");

    public ConcurrentQueue<(string PathAndQuery, string ContentType, string Body)> Requests { get; } = new();

    public void Dispose()
    {
        _listener.Close();
        try
        {
            _serving.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The listener was closed under a pending GetContextAsync; that ends the loop.
        }
    }

    /// <summary>A port nothing listens on: taken from the OS, then released.</summary>
    public static int UnusedPort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private static (HttpListener, int) Start()
    {
        for (var attempt = 0; ; attempt++)
        {
            var port = UnusedPort();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return (listener, port);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close();
            }
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            Requests.Enqueue((context.Request.Url!.PathAndQuery, context.Request.ContentType ?? string.Empty, await reader.ReadToEndAsync()));
            var (status, body, retryAfter) = _answers.TryDequeue(out var next) ? next : (200, "ok", null);
            context.Response.StatusCode = status;
            if (retryAfter is not null)
            {
                context.Response.AddHeader("Retry-After", retryAfter);
            }

            var bytes = Encoding.UTF8.GetBytes(body);
            context.Response.ContentType = "text/plain";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }
}
