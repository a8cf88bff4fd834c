namespace Autotask.Billing.Crm;

/// <summary>A customer row or object that cannot be read (no customer id or name, a contact without a name, ...).</summary>
public sealed class CustomerInputException : Exception
{
    public CustomerInputException(string message)
        : base(message)
    {
    }
}
