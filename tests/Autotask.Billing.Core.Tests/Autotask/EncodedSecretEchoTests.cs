using System.Net;
using System.Text;
using Autotask.Billing.Autotask;
using Autotask.Billing.Autotask.Entities;
using Autotask.Billing.Autotask.Query;
using Autotask.Billing.Autotask.Transport;
using Newtonsoft.Json.Linq;

namespace Autotask.Billing.Tests.Autotask;

/// <summary>
/// A server that echoes the credential back in every encoding it could come in (literal, URL-encoded, HTML-encoded,
/// JSON-escaped, Base64 of the header value): none of them reaches a message, an error list or the request log.
/// </summary>
public sealed class EncodedSecretEchoTests
{
    private const string Secret = "p+a/s=s&w%o#r\"d<x>y";
    private const string Code = "C0de+/=&%#\"<>Z";

    /// <summary>
    /// Written out here, not taken from the redactor: the forms a server could echo the secret in, including the
    /// lower-case percent-encoding some stacks produce.
    /// </summary>
    private static readonly string[] EchoedForms =
    {
        Secret,
        "p%2Ba%2Fs%3Ds%26w%25o%23r%22d%3Cx%3Ey",
        "p%2ba%2fs%3ds%26w%25o%23r%22d%3cx%3ey",
        "cCthL3M9cyZ3JW8jciJkPHg+eQ==",
        "p+a/s=s&amp;w%o#r&quot;d&lt;x&gt;y",
        "p+a/s=s&w%o#r\\\"d<x>y",
        "p\\u002Ba/s=s\\u0026w%o#r\\u0022d\\u003Cx\\u003Ey",
    };

    [Fact]
    public void Every_encoding_of_a_secret_with_special_characters_is_known_to_the_redactor()
    {
        var forms = SecretRedactor.Forms(Secret).ToList();

        Assert.Contains("p%2Ba%2Fs%3Ds%26w%25o%23r%22d%3Cx%3Ey", forms);
        Assert.Contains(Convert.ToBase64String(Encoding.UTF8.GetBytes(Secret)), forms);
        Assert.Contains("p+a/s=s&amp;w%o#r&quot;d&lt;x&gt;y", forms);
        Assert.Contains("p+a/s=s&w%o#r\\\"d<x>y", forms);
        Assert.Contains("p\\u002Ba/s=s\\u0026w%o#r\\u0022d\\u003Cx\\u003Ey", forms);
    }

    [Fact]
    public async Task A_server_echoing_the_secret_in_every_encoding_never_gets_it_into_errors_or_logs()
    {
        using var handler = new EchoingHandler(EchoedForms.Concat(SecretRedactor.Forms(Code)).ToList());
        var log = new List<string>();
        var credential = new AutotaskCredential("api@example.test", new ApiSecret(Secret), new ApiSecret(Code));
        var options = new AutotaskClientOptions
        {
            ZoneUri = new Uri("https://echo.example.test/ATServicesRest/"),
            MessageHandler = handler,
            MaxAttempts = 2,
            RetryBaseDelay = TimeSpan.Zero,
            MaxRetryDelay = TimeSpan.Zero,
            ConfirmDelay = TimeSpan.Zero,
            ConfirmWindow = TimeSpan.Zero,
            RequestLog = new SynchronousProgress<AutotaskRequestLogEntry>(entry => log.Add(string.Join(" ", entry, entry.Path, entry.Failure))),
        };
        using var client = await AutotaskClient.ConnectAsync(credential, options);

        var texts = new List<string>(log);
        foreach (var failure in new Func<Task>[]
        {
            () => client.QueryAsync<Company>(AutotaskQuery.All),
            () => client.CreateAsync(new Company { CompanyName = "Echo" }),
            () => client.CreateAsync(new Company { CompanyName = "Echo" }, _ => Task.FromResult<long?>(null)),
            () => client.UpdateAsync<Company>(1, new Dictionary<string, object?> { ["city"] = "x" }),
        })
        {
            var error = await Assert.ThrowsAnyAsync<AutotaskException>(failure);
            texts.Add(error.ToString());
            texts.Add(error.Message);
            if (error is AutotaskApiException api)
            {
                texts.AddRange(api.Errors);
                texts.Add(api.Path);
            }
        }

        texts.AddRange(log);
        Assert.True(handler.Echoes > 3);
        foreach (var form in EchoedForms.Concat(SecretRedactor.Forms(Code)))
        {
            Assert.All(texts, text => Assert.DoesNotContain(form, text, StringComparison.OrdinalIgnoreCase));
        }
    }

    private sealed class EchoingHandler : HttpMessageHandler
    {
        private readonly IReadOnlyList<string> _forms;

        public EchoingHandler(IReadOnlyList<string> forms)
        {
            _forms = forms;
        }

        public int Echoes { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri!.AbsolutePath.EndsWith("/ThresholdInformation", StringComparison.Ordinal))
            {
                return Task.FromResult(Json(HttpStatusCode.OK, new JObject { ["externalRequestThreshold"] = 10000, ["requestThresholdTimeframe"] = 60, ["currentTimeframeRequestCount"] = 1 }));
            }

            Echoes++;
            var errors = new JArray(_forms.Select(static form => $"Invalid credential '{form}' in request"));
            return Task.FromResult(Json(HttpStatusCode.InternalServerError, new JObject { ["errors"] = errors }));
        }

        private static HttpResponseMessage Json(HttpStatusCode status, JObject body) =>
            new(status) { Content = new StringContent(body.ToString(), Encoding.UTF8, "application/json") };
    }
}
