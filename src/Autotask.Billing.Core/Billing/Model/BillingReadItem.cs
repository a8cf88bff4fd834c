namespace Autotask.Billing;

/// <summary>One result of reading: either a transaction or the problem that kept a line from becoming one.</summary>
public sealed class BillingReadItem
{
    private BillingReadItem(Transaction? transaction, BillingLineProblem? problem)
    {
        Transaction = transaction;
        Problem = problem;
    }

    public Transaction? Transaction { get; }

    public BillingLineProblem? Problem { get; }

    public static BillingReadItem Of(Transaction transaction) => new(transaction, null);

    public static BillingReadItem Of(BillingLineProblem problem) => new(null, problem);

    public override string ToString() => Transaction?.ToString() ?? Problem!.ToString();
}
