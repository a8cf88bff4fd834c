namespace Autotask.Billing;

/// <summary>Stable reason codes of <see cref="BillingLineProblem"/>.</summary>
public static class BillingProblemReason
{
    public const string InvalidNumber = "InvalidNumber";
    public const string InvalidDate = "InvalidDate";
    public const string InvalidValue = "InvalidValue";
    public const string MissingValue = "MissingValue";
    public const string NegativeQuantity = "NegativeQuantity";
    public const string DuplicateTransactionId = "DuplicateTransactionId";
    public const string UnknownChargeType = "UnknownChargeType";
    public const string InvalidRecord = "InvalidRecord";
}
