namespace Autotask.Billing.Autotask;

/// <summary>
/// The database's hourly request usage as last read from ThresholdInformation, plus what this client has sent
/// since (other integrations share the threshold, so the estimate is a lower bound until the next read).
/// </summary>
public sealed class AutotaskThresholdUsage
{
    public AutotaskThresholdUsage(ThresholdInformation lastRead, DateTime lastReadUtc, long requestsSinceLastRead)
    {
        LastRead = lastRead;
        LastReadUtc = lastReadUtc;
        RequestsSinceLastRead = requestsSinceLastRead;
    }

    public ThresholdInformation LastRead { get; }

    public DateTime LastReadUtc { get; }

    public long RequestsSinceLastRead { get; }

    public long Threshold => LastRead.ExternalRequestThreshold;

    public long EstimatedUsed => LastRead.CurrentTimeframeRequestCount + RequestsSinceLastRead;

    public long EstimatedRemaining => Math.Max(0, Threshold - EstimatedUsed);

    public override string ToString() => $"{EstimatedUsed} of {Threshold} requests used in the last {LastRead.RequestThresholdTimeframe} minutes";
}
