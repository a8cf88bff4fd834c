namespace Autotask.Billing.Autotask;

/// <summary>
/// A credential value (API secret or integration code) that never shows itself: ToString, debugger display
/// and serializers see a mask; only the client reads the value, when it builds request headers.
/// </summary>
[System.Diagnostics.DebuggerDisplay("********")]
public sealed class ApiSecret
{
    private const string Mask = "********";
    private readonly string _value;

    public ApiSecret(string value)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new ArgumentException("A secret must not be empty.", nameof(value));
        }

        _value = value;
    }

    internal string Reveal() => _value;

    public override string ToString() => Mask;
}
