namespace Autotask.Billing.Readers;

/// <summary>What a format made of one record: a transaction, a skip by a named rule, or a contribution to an aggregate.</summary>
internal readonly struct RowResult
{
    private RowResult(Transaction? transaction, string? skipRule, bool aggregated)
    {
        Transaction = transaction;
        SkipRule = skipRule;
        Aggregated = aggregated;
    }

    public Transaction? Transaction { get; }

    public string? SkipRule { get; }

    public bool Aggregated { get; }

    public static RowResult Emit(Transaction transaction) => new(transaction, null, false);

    public static RowResult Skip(string rule) => new(null, rule, false);

    public static RowResult AddedToAggregate() => new(null, null, true);
}
