namespace Autotask.Billing.Sandbox.Model;

internal enum FieldAccess
{
    ReadWrite,

    // Accepted on create, silently ignored on update (e.g. ContractServices.serviceID).
    CreateOnly,

    // Set by the server only; ignored in every write body.
    ReadOnly,
}
