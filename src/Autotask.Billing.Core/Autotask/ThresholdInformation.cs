namespace Autotask.Billing.Autotask;

/// <summary>The database's hourly request threshold and how much of it the current window has used.</summary>
public sealed class ThresholdInformation
{
    public long ExternalRequestThreshold { get; init; }

    /// <summary>The length of the rolling window, in minutes.</summary>
    public int RequestThresholdTimeframe { get; init; }

    public long CurrentTimeframeRequestCount { get; init; }
}
