namespace Autotask.Billing.Sandbox.Model;

internal enum FieldType
{
    String,
    Integer,
    Long,
    Decimal,
    Boolean,
    DateTime,

    // Serialized like DateTime, but the date is kept as sent and the time is always midnight.
    Date,
}
