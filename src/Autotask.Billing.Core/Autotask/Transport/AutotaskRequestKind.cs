namespace Autotask.Billing.Autotask.Transport;

/// <summary>Whether a request may be repeated when its outcome is unknown.</summary>
internal enum AutotaskRequestKind
{
    /// <summary>Reads, including POSTed queries and counts: always safe to repeat.</summary>
    Read,

    /// <summary>PATCH: repeating sets the same values again.</summary>
    IdempotentWrite,

    /// <summary>POST create: repeating after an unknown outcome could duplicate the record.</summary>
    Create,
}
