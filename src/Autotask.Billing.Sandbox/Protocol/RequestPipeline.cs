using System.Diagnostics;
using Autotask.Billing.Sandbox.Engine;
using Autotask.Billing.Sandbox.Limits;
using Autotask.Billing.Sandbox.Model;
using Newtonsoft.Json;

namespace Autotask.Billing.Sandbox.Protocol;

// Every request goes through here, whichever host received it: route, authenticate, count against the hourly
// threshold, take a thread slot on the endpoint, apply injected latency and faults, then run the operation
// under the tenant lock.
internal sealed class RequestPipeline
{
    private const string ThreadThresholdMessage = "Thread Threshold Exceeded — The Autotask API thread threshold of {0} threads has been exceeded. (Itgenatr005)";
    private const string RequestThresholdMessage = "Request Threshold Exceeded — the database has used its {0} API requests for the last 60 minutes. Try again later.";

    private readonly AutotaskSandbox _sandbox;
    private readonly RequestLimiter _limiter = new();

    public RequestPipeline(AutotaskSandbox sandbox)
    {
        _sandbox = sandbox;
    }

    private SandboxOptions Options => _sandbox.Options;

    public async Task<SandboxResponse> HandleAsync(SandboxRequest request, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var failure = RouteParser.TryResolve(request, out var route);
        SandboxResponse response;
        if (failure != null)
        {
            response = failure;
            route = null!;
        }
        else
        {
            response = await HandleRouteAsync(request, route, cancellationToken).ConfigureAwait(false);
            try
            {
                if (response.HoldFor > TimeSpan.Zero)
                {
                    await Task.Delay(response.HoldFor, cancellationToken).ConfigureAwait(false);
                }

                if (response.HoldUntil != null)
                {
                    await UntilAsync(response.HoldUntil, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException)
            {
                response.Finished?.Invoke();
                throw;
            }
        }

        _sandbox.Statistics.Record(new SandboxRequestLogEntry(
            DateTime.UtcNow,
            request.Method,
            request.Uri.AbsolutePath,
            route?.Endpoint,
            route == null ? null : KindOf(route, request.Method),
            response.DropConnection ? 0 : response.StatusCode,
            stopwatch.Elapsed));
        response.Finished?.Invoke();
        return response;
    }

    private static async Task UntilAsync(Task task, CancellationToken cancellationToken)
    {
        var abandoned = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        using (cancellationToken.Register(() => abandoned.TrySetCanceled()))
        {
            await (await Task.WhenAny(task, abandoned.Task).ConfigureAwait(false)).ConfigureAwait(false);
        }
    }

    private async Task<SandboxResponse> HandleRouteAsync(SandboxRequest request, Route route, CancellationToken cancellationToken)
    {
        if (route.IsExemptFromLimits)
        {
            return Guarded(() => route.Kind == RouteKind.ZoneInformation ? Zone(request) : VersionInformation());
        }

        var authFailure = Authenticate(request);
        if (authFailure != null)
        {
            return authFailure;
        }

        var now = DateTime.UtcNow;
        if (!_limiter.TryCount(Options.HourlyRequestThreshold, now))
        {
            var refused = SandboxResponse.Errors(429, string.Format(RequestThresholdMessage, Options.HourlyRequestThreshold));
            if (Options.RequestThresholdRetryAfterSeconds is { } retryAfter)
            {
                refused.Headers["Retry-After"] = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return refused;
        }

        var integrationCode = request.Header("ApiIntegrationCode")!;
        if (!_limiter.TryEnter(integrationCode, route.Endpoint, Options.ThreadsPerEndpoint))
        {
            return ThreadThreshold(Options.ThreadThresholdStatusCode);
        }

        _sandbox.Statistics.Enter(route.Endpoint);
        try
        {
            var delay = _sandbox.Faults.LatencyFor(route.Endpoint, request.Method) + ThresholdLatency(now);
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }

            await _sandbox.Faults.HoldAsync(route.Endpoint, request.Method, cancellationToken).ConfigureAwait(false);
            var rule = _sandbox.Faults.Draw(route.Endpoint, request.Method, KindOf(route, request.Method) == SandboxRequestKind.Create);
            var fault = rule?.Kind;
            switch (fault)
            {
                case SandboxFaultKind.RequestThresholdExceeded:
                    return SandboxResponse.Errors(429, string.Format(RequestThresholdMessage, Options.HourlyRequestThreshold));
                case SandboxFaultKind.ThreadThresholdExceeded:
                    return ThreadThreshold(Options.ThreadThresholdStatusCode);
                case SandboxFaultKind.ThreadThresholdExceededAs500:
                    return ThreadThreshold(500);
                case SandboxFaultKind.InternalServerError:
                    return SandboxResponse.Errors(500, "An unexpected error has occurred. Please contact Autotask support.");
                case SandboxFaultKind.CommitLateAfterGatewayTimeout:
                case SandboxFaultKind.CommitLateWithoutAnswer:
                    return CommitLate(request, route, rule!);
            }

            var response = Guarded(() => Execute(request, route));
            response.DropConnection = fault == SandboxFaultKind.CommitThenDropConnection;
            return response;
        }
        finally
        {
            _sandbox.Statistics.Exit(route.Endpoint);
            _limiter.Exit(integrationCode, route.Endpoint);
        }
    }

    // The backend carries on after the client was told nothing useful: it commits in the background, later (after
    // the rule's delay, or when the test releases the rule's gate, once this request is in the log).
    private SandboxResponse CommitLate(SandboxRequest request, Route route, FaultRule rule)
    {
        _sandbox.Faults.LateCommitDrawn();
        var gate = rule.Gate;
        gate?.MarkArrived();
        _ = Task.Run(async () =>
        {
            try
            {
                if (gate == null)
                {
                    await Task.Delay(rule.CommitDelay).ConfigureAwait(false);
                }
                else
                {
                    await gate.Released.ConfigureAwait(false);
                    await gate.RequestFinished.ConfigureAwait(false);
                }

                Guarded(() => Execute(request, route));
            }
            catch (ObjectDisposedException)
            {
                // The sandbox was shut down before the late commit: nothing to commit to.
            }
            finally
            {
                _sandbox.Faults.LateCommitDone();
                gate?.MarkLanded();
            }
        });
        var response = rule.Kind == SandboxFaultKind.CommitLateAfterGatewayTimeout
            ? new SandboxResponse(504, null)
            : gate == null
                ? new SandboxResponse(504, null) { DropConnection = true, HoldFor = HoldBeforeDrop(rule.CommitDelay) }
                : new SandboxResponse(504, null) { DropConnection = true, HoldUntil = gate.Released };
        response.Finished = gate == null ? null : gate.MarkRequestFinished;
        return response;
    }

    // The connection is dropped just before the commit, so the request is in the log once the commit has landed.
    private static TimeSpan HoldBeforeDrop(TimeSpan commitDelay) =>
        commitDelay > TimeSpan.FromMilliseconds(100) ? commitDelay - TimeSpan.FromMilliseconds(100) : TimeSpan.Zero;

    private SandboxResponse Execute(SandboxRequest request, Route route)
    {
        switch (route.Kind)
        {
            case RouteKind.ThresholdInformation:
                return SandboxResponse.Json(200, w =>
                {
                    w.WriteStartObject();
                    w.WritePropertyName("externalRequestThreshold");
                    w.WriteValue(Options.HourlyRequestThreshold);
                    w.WritePropertyName("requestThresholdTimeframe");
                    w.WriteValue(60);
                    w.WritePropertyName("currentTimeframeRequestCount");
                    w.WriteValue(_limiter.CountInWindow(DateTime.UtcNow));
                    w.WriteEndObject();
                });
            case RouteKind.Version:
                return SandboxResponse.Json(200, w =>
                {
                    w.WriteStartObject();
                    w.WritePropertyName("majorVersion");
                    w.WriteValue("2026");
                    w.WritePropertyName("minorVersion");
                    w.WriteValue("2");
                    w.WritePropertyName("build");
                    w.WriteValue("2026.2.0.412");
                    w.WritePropertyName("customerType");
                    w.WriteValue("Sandbox");
                    w.WriteEndObject();
                });
            case RouteKind.Authenticate:
                // The spec's AuthenticateResultModel; what the token is for is undocumented, no call here needs it.
                return SandboxResponse.Json(200, w =>
                {
                    w.WriteStartObject();
                    w.WritePropertyName("authToken");
                    w.WriteValue(Guid.NewGuid().ToString("N"));
                    w.WritePropertyName("expiration");
                    w.WriteValue(WireValues.FormatDateTime(DateTime.UtcNow.AddHours(1)));
                    w.WriteEndObject();
                });
        }

        var isWrite = request.Method != "GET";
        var response = _sandbox.Locked(tenant =>
        {
            var context = WriteContextFor(request, tenant);
            return new EntityApi(tenant).Execute(route, request, context);
        });
        if (isWrite && response.StatusCode == 200)
        {
            _sandbox.AutoSave();
        }

        return response;
    }

    private WriteContext WriteContextFor(SandboxRequest request, SandboxTenant tenant)
    {
        var impersonation = request.Header("ImpersonationResourceId");
        if (string.IsNullOrEmpty(impersonation))
        {
            return new WriteContext(tenant.ApiUser.ResourceId, null, tenant.Now);
        }

        var resources = tenant.Store.Table(EntitySchemas.Resources);
        var resource = long.TryParse(impersonation, out var resourceId) ? resources.Find(resourceId) : null;
        if (resource == null || !Equals(resource.Values[EntitySchemas.Field(EntitySchemas.Resources, "isActive").Ordinal], true))
        {
            throw new SandboxErrorException("ImpersonationResourceId does not reference an active resource.");
        }

        return new WriteContext(resourceId, tenant.ApiUser.ResourceId, tenant.Now);
    }

    private SandboxResponse? Authenticate(SandboxRequest request)
    {
        var user = _sandbox.ApiUser;
        var userName = request.Header("UserName");
        var secret = request.Header("Secret");
        var code = request.Header("ApiIntegrationCode");
        var userMatches = string.Equals(userName, user.UserName, StringComparison.OrdinalIgnoreCase);
        var secretMatches = string.Equals(secret, user.Secret, StringComparison.Ordinal);
        var codeMatches = string.Equals(code, user.IntegrationCode, StringComparison.Ordinal);
        if (userName == null || secret == null || code == null || (userMatches && secretMatches && codeMatches))
        {
            return userName == null || secret == null || code == null ? Unauthorized(request) : null;
        }

        if (Options.AuthFailureMode == AuthFailureMode.ServerErrorForUnknownUserOrIntegrationCode)
        {
            if (!userMatches)
            {
                return SandboxResponse.Errors(500, "The user could not be authenticated: no API user with this user name exists.");
            }

            if (!codeMatches)
            {
                return SandboxResponse.Errors(500, "The API tracking identifier (ApiIntegrationCode) is not valid.");
            }
        }

        return Unauthorized(request);
    }

    private static SandboxResponse Unauthorized(SandboxRequest request)
    {
        var response = new SandboxResponse(401, null);
        response.Headers["WWW-Authenticate"] = $"Basic Realm=\"{request.Uri.Host}\"";
        return response;
    }

    private SandboxResponse Zone(SandboxRequest request)
    {
        var user = request.QueryParameter("user");
        if (!string.Equals(user, _sandbox.ApiUser.UserName, StringComparison.OrdinalIgnoreCase))
        {
            return SandboxResponse.Errors(500, "Zone information could not be determined");
        }

        return SandboxResponse.Json(200, w =>
        {
            w.WriteStartObject();
            w.WritePropertyName("zoneName");
            w.WriteValue("SANDBOX");
            w.WritePropertyName("url");
            w.WriteValue(request.Authority + "/ATServicesRest/");
            w.WritePropertyName("webUrl");
            w.WriteValue(request.Authority + "/");
            w.WritePropertyName("ci");
            w.WriteValue(_sandbox.DatabaseId);
            w.WriteEndObject();
        });
    }

    private static SandboxResponse VersionInformation() => SandboxResponse.Json(200, w =>
    {
        w.WriteStartObject();
        w.WritePropertyName("apiVersions");
        w.WriteStartArray();
        w.WriteValue("V1.0");
        w.WriteValue("V2.0");
        w.WriteEndArray();
        w.WriteEndObject();
    });

    private SandboxResponse ThreadThreshold(int statusCode) =>
        SandboxResponse.Errors(statusCode, string.Format(ThreadThresholdMessage, Options.ThreadsPerEndpoint));

    private TimeSpan ThresholdLatency(DateTime now)
    {
        if (!Options.SimulateThresholdLatency)
        {
            return TimeSpan.Zero;
        }

        var usage = (double)_limiter.CountInWindow(now) / Options.HourlyRequestThreshold;
        return usage >= 0.75 ? TimeSpan.FromSeconds(1) : usage >= 0.5 ? TimeSpan.FromMilliseconds(500) : TimeSpan.Zero;
    }

    private static SandboxResponse Guarded(Func<SandboxResponse> action)
    {
        try
        {
            return action();
        }
        catch (SandboxErrorException e)
        {
            return SandboxResponse.Errors(500, e.Message);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidCastException or OverflowException)
        {
            return SandboxResponse.Errors(500, e.Message);
        }
    }

    private static SandboxRequestKind KindOf(Route route, string method) => route.Kind switch
    {
        RouteKind.Query or RouteKind.QueryNext => SandboxRequestKind.Query,
        RouteKind.QueryCount => SandboxRequestKind.Count,
        RouteKind.Item => SandboxRequestKind.Get,
        RouteKind.ChildItem => method == "DELETE" ? SandboxRequestKind.Delete : SandboxRequestKind.Get,
        RouteKind.Collection or RouteKind.ChildCollection => method switch
        {
            "GET" => SandboxRequestKind.Query,
            "POST" => SandboxRequestKind.Create,
            _ => SandboxRequestKind.Update,
        },
        _ => SandboxRequestKind.Metadata,
    };
}
