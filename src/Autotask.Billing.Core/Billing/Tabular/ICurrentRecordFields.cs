namespace Autotask.Billing.Tabular;

/// <summary>A source that reads a field of its current record when asked (a CSV parser positioned on a record).</summary>
internal interface ICurrentRecordFields
{
    /// <summary>Field <paramref name="index"/> of record <paramref name="row"/>, which must still be the current one.</summary>
    string Field(int index, int row);

    /// <summary>Field <paramref name="index"/> of the current record <paramref name="row"/> as it stands in the source's buffer, when it can be.</summary>
    bool TryFieldSpan(int index, int row, out ReadOnlySpan<char> field);

    /// <summary>Whether record <paramref name="row"/> is still the current one.</summary>
    bool IsCurrent(int row);
}
