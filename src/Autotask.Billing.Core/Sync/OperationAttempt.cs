using Autotask.Billing.Autotask;

namespace Autotask.Billing.Sync;

/// <summary>
/// How one write's failure becomes its outcome, the one rule for contract syncs and the customer, catalog and quote
/// pushes: a spent budget or a stopped run leaves it not run, a lost answer leaves it unconfirmed (never re-sent),
/// Autotask's own error fails it.
/// </summary>
internal static class OperationAttempt
{
    /// <param name="apply">The write.</param>
    /// <param name="run">What the user re-runs, for the messages: "sync" or "push".</param>
    /// <param name="stopForBudget">Stops the run when Autotask's hourly budget is spent.</param>
    /// <param name="budgetExhausted">Whether the run was stopped for the budget (rather than cancelled).</param>
    /// <param name="stop">The run's stop token.</param>
    public static async Task<OperationOutcome> RunAsync(
        Func<Task<OperationOutcome>> apply, string run, Action stopForBudget, Func<bool> budgetExhausted, CancellationToken stop)
    {
        try
        {
            return await apply().ConfigureAwait(false);
        }
        catch (AutotaskBudgetExhaustedException)
        {
            stopForBudget();
            return Stopped(budgetExhausted: true, run);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return Stopped(budgetExhausted(), run);
        }
        catch (OperationCanceledException exception)
        {
            // Not the run's stop token: a request gave up (timed out) inside the HTTP stack.
            return OperationOutcome.Failed(SyncReasonCode.AutotaskError, "Autotask did not answer in time: " + exception.Message);
        }
        catch (AutotaskOutcomeUnknownException exception)
        {
            return OperationOutcome.Unconfirmed(
                exception.Message + $" Check Autotask for it, or run the same {run} again later: it creates the record only if it is still missing.");
        }
        catch (AutotaskException exception)
        {
            return OperationOutcome.Failed(SyncReasonCode.AutotaskError, exception.Message);
        }
    }

    /// <summary>The outcome of an operation the run never sent because it stopped first.</summary>
    public static OperationOutcome Stopped(bool budgetExhausted, string run) =>
        budgetExhausted
            ? OperationOutcome.NotRun(SyncReasonCode.BudgetExhausted, $"the API request budget ran out before it was sent; run the {run} again later to apply it")
            : OperationOutcome.NotRun(SyncReasonCode.Cancelled, $"the run was cancelled before it was sent; run the {run} again to apply it");
}
