namespace Autotask.Billing;

/// <summary>Stable reason codes of <see cref="BillingLineProblem"/>.</summary>
public static class BillingProblemReason
{
    public const string InvalidNumber = "InvalidNumber";
    public const string InvalidDate = "InvalidDate";

    /// <summary>
    /// A slash date whose day/month order is not settled: it reads both day-first and month-first and no culture is
    /// declared, it contradicts the order the file showed earlier, or it is not a date in the declared culture's order.
    /// </summary>
    public const string AmbiguousDate = "AmbiguousDate";
    public const string InvalidValue = "InvalidValue";
    public const string MissingValue = "MissingValue";
    public const string NegativeQuantity = "NegativeQuantity";
    public const string DuplicateTransactionId = "DuplicateTransactionId";
    public const string UnknownChargeType = "UnknownChargeType";
    public const string InvalidRecord = "InvalidRecord";

    /// <summary>The line has more or fewer fields than the header (an unquoted delimiter such as "1,250", a lost field).</summary>
    public const string FieldCount = "FieldCount";

    /// <summary>A quoted field is never closed, so the lines after it would be swallowed into it.</summary>
    public const string UnterminatedQuote = "UnterminatedQuote";

    /// <summary>The file ends in the middle of this line (no line break after it): it may have been cut off.</summary>
    public const string TruncatedLine = "TruncatedLine";
}
