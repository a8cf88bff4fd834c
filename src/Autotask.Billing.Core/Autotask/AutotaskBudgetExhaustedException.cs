namespace Autotask.Billing.Autotask;

/// <summary>
/// The client stopped before sending a request that would have exceeded the caller's request budget or eaten
/// into the reserve kept free of the database's hourly threshold. Nothing was sent for the refused request.
/// </summary>
public sealed class AutotaskBudgetExhaustedException : AutotaskException
{
    public AutotaskBudgetExhaustedException(string message, long requestsSent, long? requestBudget, AutotaskThresholdUsage? usage)
        : base(message)
    {
        RequestsSent = requestsSent;
        RequestBudget = requestBudget;
        Usage = usage;
    }

    public long RequestsSent { get; }

    public long? RequestBudget { get; }

    public AutotaskThresholdUsage? Usage { get; }
}
