namespace Autotask.Billing.Compact;

/// <summary>
/// Which of an object's optional values are present, a bit each, so that the values are stored without the flag and
/// padding a <see cref="Nullable{T}"/> field carries (8 bytes per <c>long?</c>, <c>decimal?</c> or <c>DateTime?</c>).
/// For the types a month's compare holds by the hundred thousand: contract services, their units and the seats
/// (issue 15). Each property keeps its field number; at most 32.
/// </summary>
internal struct PresentFields
{
    private uint _bits;

    public readonly T? Get<T>(int field, T value)
        where T : struct =>
        (_bits & (1u << field)) != 0 ? value : null;

    /// <summary>Records whether <paramref name="value"/> is present and returns what to store.</summary>
    public T Put<T>(int field, T? value)
        where T : struct
    {
        if (value is { } present)
        {
            _bits |= 1u << field;
            return present;
        }

        _bits &= ~(1u << field);
        return default;
    }
}
