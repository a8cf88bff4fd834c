using System.Net;
using System.Text;

namespace Autotask.Billing.Tests.Autotask;

/// <summary>
/// The real network to the sandbox host, except that successes to paths ending in <see cref="PathEnd"/> carry the given
/// body instead of the sandbox's: for answers the sandbox never gives (offsets in dates, unknown fields, a body that is
/// not JSON). Zone discovery, credentials, throttling and paging stay the sandbox's own.
/// </summary>
internal sealed class RewrittenAnswers : DelegatingHandler
{
    private readonly string _body;
    private int _rewritten;

    public RewrittenAnswers(string pathEnd, string body)
        : base(new HttpClientHandler())
    {
        PathEnd = pathEnd;
        _body = body;
    }

    public string PathEnd { get; }

    public int Rewritten => Volatile.Read(ref _rewritten);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!request.RequestUri!.AbsolutePath.EndsWith(PathEnd, StringComparison.OrdinalIgnoreCase))
        {
            return response;
        }

        Interlocked.Increment(ref _rewritten);
        response.Content.Dispose();
        response.StatusCode = HttpStatusCode.OK;
        response.Content = new StringContent(_body, Encoding.UTF8, "application/json");
        return response;
    }
}
