namespace Autotask.Billing.Sandbox;

/// <summary>
/// Whether ContractServices has an adjustedPrice. Autotask's ContractServices page documents it as the one writable
/// price, while the vendor's Swagger model of the entity has no such field (docs/autotask-api-notes.md).
/// </summary>
public enum AdjustedPriceBehavior
{
    /// <summary>The field exists; a PATCH of it changes the price billed from the first period not yet posted.</summary>
    Present,

    /// <summary>The field does not exist: it is absent from rows and entityInformation, and a PATCH of it is ignored.</summary>
    Absent,
}
