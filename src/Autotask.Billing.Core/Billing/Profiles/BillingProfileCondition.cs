namespace Autotask.Billing;

/// <summary>A test on one source column of a profile: one of <see cref="AnyOf"/>, <see cref="Negative"/>, <see cref="NotEmpty"/>.</summary>
public sealed class BillingProfileCondition
{
    /// <summary>The source column's header name (compared without case, spaces, '_' or '-').</summary>
    public string Column { get; init; } = string.Empty;

    /// <summary>True when the cell equals one of these words (trimmed, case-insensitive).</summary>
    public IReadOnlyList<string>? AnyOf { get; init; }

    /// <summary>True when the cell is a number below zero.</summary>
    public bool Negative { get; init; }

    /// <summary>True when the cell has any text.</summary>
    public bool NotEmpty { get; init; }

    public override string ToString() =>
        AnyOf is not null ? $"{Column} in [{string.Join(", ", AnyOf)}]" : Negative ? $"{Column} < 0" : $"{Column} not empty";
}
