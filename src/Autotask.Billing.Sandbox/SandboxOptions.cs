namespace Autotask.Billing.Sandbox;

public sealed class SandboxOptions
{
    // The sandbox's "today" (a UTC date); recurring-service unit rows run through the period containing it.
    public DateTime Today { get; set; } = DateTime.UtcNow.Date;

    public int ThreadsPerEndpoint { get; set; } = 3;

    // Status of the thread-threshold error; Autotask has been seen answering 429 and 500.
    public int ThreadThresholdStatusCode { get; set; } = 429;

    public int HourlyRequestThreshold { get; set; } = 10000;

    // Sent as Retry-After with the hourly-threshold 429; null sends no header.
    public int? RequestThresholdRetryAfterSeconds { get; set; } = 60;

    // Adds Autotask's deliberate slow-down near the hourly threshold (+0.5 s from 50 %, +1 s from 75 %).
    public bool SimulateThresholdLatency { get; set; }

    // When set, the state is saved here after every successful write.
    public string? PersistPath { get; set; }

    public AuthFailureMode AuthFailureMode { get; set; } = AuthFailureMode.Unauthorized;

    // Maximum number of entries kept in SandboxStatistics.RequestLog.
    public int RequestLogCapacity { get; set; } = 10000;

    // Behaviour variants for what Autotask's documentation leaves uncertain (docs/autotask-api-notes.md).
    public AdjustedPriceBehavior AdjustedPrice { get; set; } = AdjustedPriceBehavior.Present;

    public AdjustmentPriceBehavior AdjustmentPrices { get; set; } = AdjustmentPriceBehavior.Honoured;

    public UnitRowBoundaries UnitRowBoundaries { get; set; } = UnitRowBoundaries.Disjoint;

    internal SandboxOptions Clone() => (SandboxOptions)MemberwiseClone();
}
