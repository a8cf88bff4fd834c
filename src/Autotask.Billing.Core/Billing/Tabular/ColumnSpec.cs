namespace Autotask.Billing.Tabular;

/// <summary>A logical field a format reads, the header names it accepts, and whether a file must have it.</summary>
internal sealed class ColumnSpec
{
    public ColumnSpec(int ordinal, string field, bool required, IReadOnlyList<string> aliases)
    {
        Ordinal = ordinal;
        Field = field;
        Required = required;
        Aliases = aliases;
    }

    public int Ordinal { get; }

    public string Field { get; }

    public bool Required { get; }

    /// <summary>Accepted header names, the field name first.</summary>
    public IReadOnlyList<string> Aliases { get; }

    public override string ToString() => Field;
}
