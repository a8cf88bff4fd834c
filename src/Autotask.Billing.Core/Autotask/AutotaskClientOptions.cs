namespace Autotask.Billing.Autotask;

/// <summary>How an <see cref="AutotaskClient"/> connects, throttles, retries and reports.</summary>
public sealed record AutotaskClientOptions
{
    public static readonly Uri DefaultDiscoveryUri = new("https://webservices.autotask.net/ATServicesRest/");

    /// <summary>The zone's REST root (e.g. https://webservices14.autotask.net/ATServicesRest/); skips discovery.</summary>
    public Uri? ZoneUri { get; init; }

    /// <summary>Any zone's REST root; ZoneInformation is asked there which zone hosts the user's database.</summary>
    public Uri DiscoveryUri { get; init; } = DefaultDiscoveryUri;

    /// <summary>A handler that carries the HTTP requests instead of the network (the in-process sandbox).</summary>
    public HttpMessageHandler? MessageHandler { get; init; }

    /// <summary>Autotask allows 3 concurrent requests per endpoint and integration; more earn thread-threshold errors.</summary>
    public int MaxRequestsInFlightPerEndpoint { get; init; } = 3;

    /// <summary>Tries per request, the first included; retries happen only where repeating is safe.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>The first retry's delay; later ones grow exponentially, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest the client waits before a retry, Retry-After included.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(60);

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(100);

    /// <summary>
    /// How long after sending a create whose outcome is unknown (timeout, dropped connection, gateway error) the first
    /// lookup waits, so a commit still under way can land; each later lookup waits twice as long.
    /// </summary>
    public TimeSpan ConfirmDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long the client keeps looking for such a create before it reports it unconfirmed; null: the request
    /// timeout, so a commit that lands up to one request timeout after the client gave up is still seen.
    /// </summary>
    public TimeSpan? ConfirmWindow { get; init; }

    internal TimeSpan EffectiveConfirmWindow => ConfirmWindow ?? RequestTimeout;

    /// <summary>Receives one entry per HTTP attempt; never headers or bodies.</summary>
    public IProgress<AutotaskRequestLogEntry>? RequestLog { get; init; }

    /// <summary>The most requests this client may send (zone discovery excluded); null for no limit.</summary>
    public long? RequestBudget { get; init; }

    /// <summary>Requests of the database's hourly threshold to leave for other integrations; null to use it all.</summary>
    public long? ThresholdReserve { get; init; }

    /// <summary>ThresholdInformation is read again after this many requests.</summary>
    public int ThresholdRefreshInterval { get; init; } = 250;

    public AutotaskPagingStrategy PagingStrategy { get; init; } = AutotaskPagingStrategy.NextPageUrl;

    /// <summary>How many ids one bulk "in" read puts in a request.</summary>
    public int InChunkSize { get; init; } = 500;

    internal void Validate()
    {
        Require(MaxRequestsInFlightPerEndpoint >= 1, nameof(MaxRequestsInFlightPerEndpoint), "must be at least 1");
        Require(MaxAttempts >= 1, nameof(MaxAttempts), "must be at least 1");
        Require(RetryBaseDelay >= TimeSpan.Zero, nameof(RetryBaseDelay), "must not be negative");
        Require(MaxRetryDelay >= RetryBaseDelay, nameof(MaxRetryDelay), "must not be shorter than RetryBaseDelay");
        Require(RequestTimeout > TimeSpan.Zero, nameof(RequestTimeout), "must be positive");
        Require(ConfirmDelay >= TimeSpan.Zero, nameof(ConfirmDelay), "must not be negative");
        Require(ConfirmWindow is null || ConfirmWindow >= TimeSpan.Zero, nameof(ConfirmWindow), "must not be negative");
        Require(RequestBudget is null or > 0, nameof(RequestBudget), "must be positive");
        Require(ThresholdReserve is null or >= 0, nameof(ThresholdReserve), "must not be negative");
        Require(ThresholdRefreshInterval >= 1, nameof(ThresholdRefreshInterval), "must be at least 1");
        Require(InChunkSize is >= 1 and <= 500, nameof(InChunkSize), "must be between 1 and 500");
        Require(DiscoveryUri is { IsAbsoluteUri: true }, nameof(DiscoveryUri), "must be an absolute URI");
        Require(ZoneUri is null || ZoneUri.IsAbsoluteUri, nameof(ZoneUri), "must be an absolute URI");
    }

    private static void Require(bool condition, string name, string rule)
    {
        if (!condition)
        {
            throw new ArgumentException($"{name} {rule}.", name);
        }
    }
}
