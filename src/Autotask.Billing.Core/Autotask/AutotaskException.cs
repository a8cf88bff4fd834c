namespace Autotask.Billing.Autotask;

/// <summary>The base of every failure the Autotask client reports. Messages never contain secrets.</summary>
public class AutotaskException : Exception
{
    public AutotaskException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
