using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using Autotask.Billing.Autotask.Serialization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Polly;
using Polly.Retry;

namespace Autotask.Billing.Autotask.Transport;

/// <summary>
/// Sends Autotask requests: resolves the zone (and rediscovers it once when a moved database answers 401),
/// adds the credential headers, keeps to the per-endpoint thread limit and the request budget, retries what is
/// safe to retry, counts and logs every attempt, and turns failures into typed exceptions without secrets.
/// </summary>
internal sealed class AutotaskTransport : IDisposable
{
    internal const string ThresholdEndpoint = "ThresholdInformation";
    private const string ZoneEndpoint = "ZoneInformation";
    private const string ApiVersionSegment = "V1.0/";
    private const string RestRootSegment = "ATServicesRest";

    private static readonly string[] TransientWording =
    {
        "unexpected error", "internal server error", "timeout", "timed out", "deadlock", "try again", "temporarily", "unavailable",
    };

    private readonly AutotaskCredential _credential;
    private readonly AutotaskClientOptions _options;
    private readonly HttpClient _http;
    private readonly EndpointThrottle _throttle;
    private readonly RequestBudget _budget;
    private readonly SecretRedactor _redactor;
    private readonly ResiliencePipeline<AutotaskHttpResponse> _retry;
    private readonly SemaphoreSlim _rediscovery = new(1, 1);
    private readonly Uri _discoveryRoot;
    private ZoneInformation? _zone;
    private int _thresholdReadInProgress;

    public AutotaskTransport(AutotaskCredential credential, AutotaskClientOptions options)
    {
        _credential = credential;
        _options = options;
        _redactor = new SecretRedactor(credential);
        _budget = new RequestBudget(options.RequestBudget, options.ThresholdReserve, options.ThresholdRefreshInterval);
        _discoveryRoot = RestRoot(options.DiscoveryUri);
        _throttle = options.MessageHandler is null
            ? EndpointThrottle.For(credential.IntegrationCode.Reveal(), options.ZoneUri ?? _discoveryRoot, options.MaxRequestsInFlightPerEndpoint)
            : new EndpointThrottle(options.MaxRequestsInFlightPerEndpoint); // an in-process handler is a database of its own
        _retry = BuildRetryPipeline(options);

        // HttpClient itself (RestSharp's client turned every body into a byte[] and then a string before returning): a page
        // of 500 rows is read straight into entities here instead. Timeouts are per attempt.
        HttpMessageHandler transportHandler = options.MessageHandler is { } handler
            ? new NonDisposingHandler(handler)
            : new HttpClientHandler { AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate, UseCookies = false };
        _http = new HttpClient(transportHandler, disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("Autotask.Billing");
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
    }

    public AutotaskRequestCounter Counter { get; } = new();

    public ZoneInformation Zone => Volatile.Read(ref _zone) ?? throw new InvalidOperationException("The zone is not known yet.");

    public AutotaskThresholdUsage? Usage => _budget.Usage;

    public string UserName => _credential.UserName;

    public string Redact(string text) => _redactor.Redact(text);

    /// <summary>An explicit zone wins; then the process-wide cache; then ZoneInformation.</summary>
    public async Task InitialiseZoneAsync(CancellationToken cancellationToken)
    {
        if (_options.ZoneUri is not null)
        {
            Volatile.Write(ref _zone, await DescribeExplicitZoneAsync(RestRoot(_options.ZoneUri), cancellationToken).ConfigureAwait(false));
            return;
        }

        if (ZoneDirectory.TryGet(_discoveryRoot, _credential.UserName, out var cached))
        {
            Volatile.Write(ref _zone, cached);
            return;
        }

        Volatile.Write(ref _zone, await DiscoverZoneAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Sends the request (with retries, zone rediscovery, thread limit and budget) and reads a success's body straight
    /// into <typeparamref name="TBody"/>: a typed query page or entity, or a JObject where the shape is free-form.
    /// </summary>
    public async Task<AutotaskHttpResponse<TBody>> SendAsync<TBody>(AutotaskHttpRequest request, CancellationToken cancellationToken)
        where TBody : class
    {
        if (request.Endpoint != ThresholdEndpoint && _budget.ThresholdReadIsDue)
        {
            await RefreshThresholdAsync(cancellationToken).ConfigureAwait(false);
        }

        var zone = Zone;
        var response = await SendWithRetriesAsync<TBody>(request, ResolveUrl(request, zone, null), SendMode.Authenticated, cancellationToken)
            .ConfigureAwait(false);
        if (response.StatusCode != 401 || _options.ZoneUri is not null)
        {
            return response;
        }

        // A database moved to another zone answers 401 on the old host: ask once where it lives now.
        var current = await RediscoverAsync(zone, cancellationToken).ConfigureAwait(false);
        if (SameRoot(current.Url, zone.Url))
        {
            return response;
        }

        return await SendWithRetriesAsync<TBody>(request, ResolveUrl(request, current, zone), SendMode.Authenticated, cancellationToken)
            .ConfigureAwait(false);
    }

    public async Task<AutotaskHttpResponse<ThresholdInformation>> SendThresholdReadAsync(AutotaskOperation operation, CancellationToken cancellationToken)
    {
        var request = new AutotaskHttpRequest(HttpMethod.Get, ThresholdEndpoint, operation, ThresholdEndpoint, AutotaskRequestKind.Read);
        var response = await SendAsync<ThresholdInformation>(request, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccess && response.Body is not null)
        {
            _budget.Record(response.Body);
        }
        else
        {
            _budget.RecordFailedRead();
        }

        return response;
    }

    public void EnsureSuccess(AutotaskHttpRequest request, AutotaskHttpResponse response, string? entityName)
    {
        if (!response.IsSuccess)
        {
            throw CreateException(request, response, entityName);
        }
    }

    public AutotaskApiException CreateException(AutotaskHttpRequest request, AutotaskHttpResponse response, string? entityName)
    {
        var method = request.Method.Method;
        var path = Redact(response.Url.AbsolutePath);
        var subject = entityName is null ? Describe(request.Operation) : $"{Describe(request.Operation)} {entityName}";
        var errors = response.Errors;
        var detail = errors.Count > 0 ? ": " + string.Join("; ", errors) : ".";

        if (response.BodyError is { } unreadable)
        {
            return new AutotaskApiException(
                Redact($"Autotask answered the request to {subject} (HTTP {response.StatusCode}), but the answer could not be read: " +
                       $"{unreadable.Message} ({method} {path})"),
                response.StatusCode, errors, entityName, request.Operation, method, path);
        }

        if (response.IsThrottled)
        {
            return new AutotaskThrottledException(
                Redact($"Autotask kept refusing to {subject} because a request or thread threshold was exceeded " +
                       $"(HTTP {response.StatusCode}) and {_options.MaxAttempts} attempts were used{detail} ({method} {path})"),
                response.StatusCode, errors, entityName, request.Operation, method, path);
        }

        switch (response.StatusCode)
        {
            case null:
                var cause = response.TransportFailure == TransportFailure.TimedOut
                    ? $"no answer within {_options.RequestTimeout.TotalSeconds:0.###} s"
                    : response.TransportError is JsonException notJson
                        ? "its answer was cut off or is not a JSON object: " + notJson.Message
                        : "the connection failed: " + (response.TransportError?.GetBaseException().Message ?? "no response");
                // Name the host: "connection refused" alone does not say which address was wrong.
                return new AutotaskApiException(
                    Redact($"Could not {subject}: {cause} at {response.Url.GetLeftPart(UriPartial.Authority)} ({_options.MaxAttempts} attempts; {method} {path})."),
                    null, errors, entityName, request.Operation, method, path, response.TransportError);
            case 401:
                return new AutotaskAuthenticationException(
                    Redact($"Autotask refused the credentials of API user '{_credential.UserName}' (HTTP 401) while trying to {subject}. " +
                           "Check the API secret and the API integration code (tracking identifier), and that the user has the " +
                           $"'API User (API-only)' security level. ({method} {path})"),
                    401, errors, entityName, request.Operation, method, path);
            case 404:
                return new AutotaskNotFoundException(
                    Redact($"Autotask has no such route or record while trying to {subject} (HTTP 404){detail} ({method} {path})"),
                    404, errors, entityName, request.Operation, method, path);
            default:
                return new AutotaskApiException(
                    Redact($"Autotask could not {subject} (HTTP {response.StatusCode}){detail} ({method} {path})"),
                    response.StatusCode, errors, entityName, request.Operation, method, path);
        }
    }

    public void Dispose()
    {
        _http.Dispose();
        _rediscovery.Dispose();
    }

    internal static Uri RestRoot(Uri uri)
    {
        var text = uri.GetLeftPart(UriPartial.Path);
        if (!text.EndsWith("/", StringComparison.Ordinal))
        {
            text += "/";
        }

        if (!text.TrimEnd('/').EndsWith("/" + RestRootSegment, StringComparison.OrdinalIgnoreCase))
        {
            text += RestRootSegment + "/";
        }

        return new Uri(text, UriKind.Absolute);
    }

    private static ResiliencePipeline<AutotaskHttpResponse> BuildRetryPipeline(AutotaskClientOptions options)
    {
        if (options.MaxAttempts <= 1)
        {
            return ResiliencePipeline<AutotaskHttpResponse>.Empty;
        }

        var maxDelay = options.MaxRetryDelay;
        return new ResiliencePipelineBuilder<AutotaskHttpResponse>()
            .AddRetry(new RetryStrategyOptions<AutotaskHttpResponse>
            {
                MaxRetryAttempts = options.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = maxDelay,
                ShouldHandle = static args => new ValueTask<bool>(args.Outcome.Result?.Disposition == ResponseDisposition.Retry),
                DelayGenerator = args => new ValueTask<TimeSpan?>(
                    args.Outcome.Result?.RetryAfter is { } retryAfter ? (retryAfter < maxDelay ? retryAfter : maxDelay) : null),
            })
            .Build();
    }

    private async Task<ZoneInformation> DiscoverZoneAsync(CancellationToken cancellationToken)
    {
        var (request, url, response) = await ReadZoneInformationAsync(_discoveryRoot, cancellationToken).ConfigureAwait(false);
        var zoneUrl = response.Body is { } body ? (string?)AutotaskJson.Property(body, "url") : null;
        if (response.IsSuccess && Uri.TryCreate(zoneUrl, UriKind.Absolute, out var root))
        {
            var zone = ZoneFrom(response.Body!, RestRoot(root));
            ZoneDirectory.Remember(_discoveryRoot, _credential.UserName, zone);
            return zone;
        }

        // Autotask answers an unknown user with an error (500 + "Zone information could not be determined", or a 4xx).
        if (response.StatusCode is >= 400 and < 500 || (response.StatusCode >= 500 && response.Errors.Count > 0 && !response.IsThrottled))
        {
            var detail = response.Errors.Count > 0 ? ": " + string.Join("; ", response.Errors) : "";
            var path = url.AbsolutePath;
            throw new AutotaskAuthenticationException(
                Redact($"Autotask could not find the database of API user '{_credential.UserName}' (zone discovery answered HTTP " +
                       $"{response.StatusCode}{detail}). Check the user name: it is the API user's user name, not the display name."),
                response.StatusCode, response.Errors, null, AutotaskOperation.DiscoverZone, "GET", path);
        }

        if (response.IsSuccess)
        {
            throw new AutotaskApiException(
                "Autotask zone discovery answered without a zone URL.", response.StatusCode, response.Errors, null,
                AutotaskOperation.DiscoverZone, "GET", url.AbsolutePath);
        }

        throw CreateException(request, response, null);
    }

    /// <summary>
    /// An explicit zone is used as given, but its own ZoneInformation (answered by every zone, without credentials or
    /// limits) still names the database, so that state on disk is keyed by the database and not by a host that many
    /// databases share. A zone that cannot say leaves the database unnamed.
    /// </summary>
    private async Task<ZoneInformation> DescribeExplicitZoneAsync(Uri root, CancellationToken cancellationToken)
    {
        var (_, _, response) = await ReadZoneInformationAsync(root, cancellationToken).ConfigureAwait(false);
        return response.IsSuccess && response.Body is { } body ? ZoneFrom(body, root) : new ZoneInformation { Url = root };
    }

    /// <summary>ZoneInformation for the API user, from the discovery host or a zone itself.</summary>
    private async Task<(AutotaskHttpRequest Request, Uri Url, AutotaskHttpResponse<JObject> Response)> ReadZoneInformationAsync(
        Uri root, CancellationToken cancellationToken)
    {
        var url = new Uri(root, ApiVersionSegment + "ZoneInformation?user=" + Uri.EscapeDataString(_credential.UserName));
        var request = new AutotaskHttpRequest(HttpMethod.Get, url.AbsoluteUri, AutotaskOperation.DiscoverZone, ZoneEndpoint, AutotaskRequestKind.Read);
        var response = await SendWithRetriesAsync<JObject>(request, url, SendMode.Discovery, cancellationToken).ConfigureAwait(false);
        return (request, url, response);
    }

    private static ZoneInformation ZoneFrom(JObject body, Uri root) => new()
    {
        ZoneName = (string?)AutotaskJson.Property(body, "zoneName"),
        Url = root,
        WebUrl = Uri.TryCreate((string?)AutotaskJson.Property(body, "webUrl"), UriKind.Absolute, out var web) ? web : null,
        CI = AutotaskJson.ReadLong(AutotaskJson.Property(body, "ci")),
    };

    private async Task<ZoneInformation> RediscoverAsync(ZoneInformation failedZone, CancellationToken cancellationToken)
    {
        await _rediscovery.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = Zone;
            if (!ReferenceEquals(current, failedZone))
            {
                return current;
            }

            var fresh = await DiscoverZoneAsync(cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _zone, fresh);
            return fresh;
        }
        finally
        {
            _rediscovery.Release();
        }
    }

    /// <summary>
    /// Keeps the usage estimate honest. A failed read is not the caller's problem: the estimate stays as it was and
    /// the next request tries again; only the budget refusing the read stops the caller.
    /// </summary>
    private async Task RefreshThresholdAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref _thresholdReadInProgress, 1, 0) != 0)
        {
            return;
        }

        try
        {
            await SendThresholdReadAsync(AutotaskOperation.ReadThreshold, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Exchange(ref _thresholdReadInProgress, 0);
        }
    }

    private async Task<AutotaskHttpResponse<TBody>> SendWithRetriesAsync<TBody>(AutotaskHttpRequest request, Uri url, SendMode mode, CancellationToken cancellationToken)
        where TBody : class
    {
        var attempt = 0;
        var response = await _retry.ExecuteAsync(
                async token => (AutotaskHttpResponse)await SendOnceAsync<TBody>(request, url, Interlocked.Increment(ref attempt), mode, token).ConfigureAwait(false),
                cancellationToken)
            .ConfigureAwait(false);
        return (AutotaskHttpResponse<TBody>)response;
    }

    private async Task<AutotaskHttpResponse<TBody>> SendOnceAsync<TBody>(AutotaskHttpRequest request, Uri url, int attempt, SendMode mode, CancellationToken cancellationToken)
        where TBody : class
    {
        HttpResponseMessage? answer = null;
        ResponseBody? body = null;
        Exception? error = null;
        var timedOut = false;
        var stopwatch = new Stopwatch();
        try
        {
            using (mode == SendMode.Authenticated ? await _throttle.EnterAsync(request.Endpoint, cancellationToken).ConfigureAwait(false) : null)
            {
                if (mode == SendMode.Authenticated)
                {
                    _budget.Reserve();
                }

                Counter.Record(request.Endpoint);
                using var message = BuildMessage(request, url, mode);
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(_options.RequestTimeout);
                stopwatch.Start();
                try
                {
                    // The whole body arrives within the timeout and the endpoint's slot, into pooled memory; it is read
                    // into its type afterwards. A body cut off fails here, as HttpClient's own buffering did.
                    answer = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
                    if (answer.Content is { } content)
                    {
                        // .NET Framework's streams may not heed the token: disposing the response ends a stalled read.
                        using (timeout.Token.Register(answer.Dispose))
                        {
                            body = await ResponseBody.ReadAsync(content, timeout.Token).ConfigureAwait(false);
                        }
                    }
                }
                catch (Exception exception)
                {
                    error = exception;
                    timedOut = (exception is OperationCanceledException || timeout.IsCancellationRequested) && !cancellationToken.IsCancellationRequested;
                    answer?.Dispose();
                    answer = null;
                }

                stopwatch.Stop();
            }

            cancellationToken.ThrowIfCancellationRequested();
            var response = Classify<TBody>(request, url, answer, body, error, timedOut);
            _options.RequestLog?.Report(new AutotaskRequestLogEntry(
                request.Method.Method,
                Redact(url.AbsolutePath),
                request.Endpoint,
                request.Operation,
                response.StatusCode,
                stopwatch.Elapsed,
                attempt,
                response.TransportFailure == TransportFailure.None ? null : response.TransportFailure.ToString()));
            return response;
        }
        finally
        {
            body?.Dispose();
            answer?.Dispose();
        }
    }

    private HttpRequestMessage BuildMessage(AutotaskHttpRequest request, Uri url, SendMode mode)
    {
        var message = new HttpRequestMessage(request.Method, url);
        if (mode == SendMode.Authenticated)
        {
            message.Headers.TryAddWithoutValidation("ApiIntegrationCode", _credential.IntegrationCode.Reveal());
            message.Headers.TryAddWithoutValidation("UserName", _credential.UserName);
            message.Headers.TryAddWithoutValidation("Secret", _credential.Secret.Reveal());
            if (_credential.ImpersonationResourceId is { } resourceId)
            {
                message.Headers.TryAddWithoutValidation("ImpersonationResourceId", resourceId.ToString(CultureInfo.InvariantCulture));
            }
        }

        if (request.Body is not null)
        {
            message.Content = new StringContent(request.Body, Encoding.UTF8, "application/json");
        }

        return message;
    }

    private AutotaskHttpResponse<TBody> Classify<TBody>(
        AutotaskHttpRequest request, Uri url, HttpResponseMessage? answer, ResponseBody? content, Exception? transportError, bool timedOut)
        where TBody : class
    {
        var received = answer is null ? 0 : (int)answer.StatusCode;
        var success = received is >= 200 and < 300;
        TBody? body = null;
        JObject? errorBody = null;
        Exception? bodyError = null;
        string? text = null;
        // .NET Framework leaves Content null on a response without one; read that as an empty body.
        if (content is not null && success)
        {
            (body, bodyError, text, var notJson) = ReadSuccessBody<TBody>(content);
            // The reader's message may quote the body (a property name, say); it travels only redacted.
            transportError = notJson is null ? null : new JsonReaderException(_redactor.Redact(notJson.Message));
        }
        else if (content is not null)
        {
            // Failures are small and free-form (errors[] of strings or objects, ASP.NET's Message, an HTML page).
            text = content.Text();
            errorBody = AutotaskJson.TryParseObject(text);
        }

        // Every Autotask success carries a JSON object; a success status without one (a body that could not be read
        // or was cut off) means the connection broke, and must not pass for an empty result.
        var brokenAfterHeaders = success && body is null && bodyError is null;
        int? status = received > 0 && !brokenAfterHeaders ? received : null;
        var failure = status is not null ? TransportFailure.None
            : timedOut ? TransportFailure.TimedOut
            : brokenAfterHeaders || !NeverReachedServer(transportError) ? TransportFailure.Broken
            : TransportFailure.NotSent;
        // A typed success (a page of entities) is not an error envelope; a free-form one may still carry errors[].
        var errors = _redactor.Redact(AutotaskJson.ReadErrors(errorBody ?? body as JObject));
        // Only error text counts: a page of data may legitimately contain the words.
        var threadThreshold = errors.Any(MentionsThreadThreshold) || (errorBody is null && body is null && bodyError is null && MentionsThreadThreshold(text));
        var retryAfter = ParseRetryAfter(answer?.Headers.TryGetValues("Retry-After", out var values) == true ? values.FirstOrDefault() : null);
        var disposition = bodyError is not null ? ResponseDisposition.Failure : Decide(request.Kind, status, failure, errors, threadThreshold);
        return new AutotaskHttpResponse<TBody>(
            url, status, body, bodyError, errors, retryAfter, failure, status is null ? transportError : null, threadThreshold, disposition);
    }

    /// <summary>
    /// A success's body straight from its bytes into <typeparamref name="TBody"/>. When that fails, the body is read
    /// as text (only then): JSON that parses is an answer the model cannot take (reported, not retried); anything
    /// else is a body cut off or not from Autotask, which is treated as a broken connection, as it always was.
    /// </summary>
    private static (TBody? Body, Exception? BodyError, string? Text, Exception? NotJson) ReadSuccessBody<TBody>(ResponseBody content)
        where TBody : class
    {
        JsonException failure;
        try
        {
            if (AutotaskJson.Read<TBody>(content.Bytes, content.Charset) is { } body)
            {
                return (body, null, null, null);
            }

            failure = new JsonSerializationException("The body holds no JSON object.");
        }
        catch (JsonException exception)
        {
            failure = exception;
        }

        var text = content.Text();
        return AutotaskJson.TryParseObject(text) is not null
            ? (null, failure, text, null)
            : (null, null, text, failure);
    }

    private static ResponseDisposition Decide(AutotaskRequestKind kind, int? status, TransportFailure failure, IReadOnlyList<string> errors, bool threadThreshold)
    {
        var unknownOutcome = kind == AutotaskRequestKind.Create ? ResponseDisposition.OutcomeUnknown : ResponseDisposition.Retry;
        if (status is null)
        {
            return failure == TransportFailure.NotSent ? ResponseDisposition.Retry : unknownOutcome;
        }

        // Throttled requests were refused before any work was done, so even a create may be repeated.
        if (status == 429 || threadThreshold)
        {
            return ResponseDisposition.Retry;
        }

        if (status is >= 200 and < 300)
        {
            return ResponseDisposition.Success;
        }

        // Validation and business-rule failures arrive as 500 with errors[]; repeating cannot fix them. Autotask's
        // own faults arrive the same way, and only their wording tells them apart: a read is repeated on them, but
        // for a create any errors[] body is Autotask's answer (some validation failures come back only as "An
        // unexpected error has occurred … Error ID: N"); the client looks the record up once and reports the text.
        if (status == 500 && errors.Count > 0 && (kind == AutotaskRequestKind.Create || !errors.Any(LooksTransient)))
        {
            return ResponseDisposition.Failure;
        }

        return status >= 500 ? unknownOutcome : ResponseDisposition.Failure;
    }

    private static bool MentionsThreadThreshold(string? text) =>
        text is not null
        && (text.IndexOf("thread threshold", StringComparison.OrdinalIgnoreCase) >= 0
            || text.IndexOf("Itgenatr005", StringComparison.OrdinalIgnoreCase) >= 0);

    private static bool LooksTransient(string error) =>
        TransientWording.Any(words => error.IndexOf(words, StringComparison.OrdinalIgnoreCase) >= 0);

    private static bool NeverReachedServer(Exception? error)
    {
        for (var current = error; current is not null; current = current.InnerException)
        {
            if (current is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.HostUnreachable or SocketError.NetworkUnreachable })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Retry-After is either a number of seconds or an HTTP date.</summary>
    internal static TimeSpan? ParseRetryAfter(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            var wait = at - DateTimeOffset.UtcNow;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    private static Uri ResolveUrl(AutotaskHttpRequest request, ZoneInformation zone, ZoneInformation? previousZone)
    {
        if (!request.IsAbsolute)
        {
            return new Uri(zone.Url, ApiVersionSegment + request.Path);
        }

        var absolute = new Uri(request.Path, UriKind.Absolute);
        var previousRoot = previousZone?.Url.AbsoluteUri;
        if (previousRoot is not null && absolute.AbsoluteUri.StartsWith(previousRoot, StringComparison.OrdinalIgnoreCase))
        {
            return new Uri(zone.Url, absolute.AbsoluteUri.Substring(previousRoot.Length));
        }

        return absolute;
    }

    private static bool SameRoot(Uri left, Uri right) => string.Equals(left.AbsoluteUri, right.AbsoluteUri, StringComparison.OrdinalIgnoreCase);

    private static string Describe(AutotaskOperation operation) => operation switch
    {
        AutotaskOperation.DiscoverZone => "discover the zone",
        AutotaskOperation.Connect => "connect",
        AutotaskOperation.ReadThreshold => "read the request threshold",
        AutotaskOperation.Query => "query",
        AutotaskOperation.Count => "count",
        AutotaskOperation.Get => "get",
        AutotaskOperation.Create => "create",
        AutotaskOperation.Update => "update",
        AutotaskOperation.ReadEntityInformation => "read the field information of",
        _ => operation.ToString(),
    };

    private enum SendMode
    {
        /// <summary>Credentials, thread limit and budget apply.</summary>
        Authenticated,

        /// <summary>ZoneInformation: answered without credentials and exempt from the limits.</summary>
        Discovery,
    }
}
