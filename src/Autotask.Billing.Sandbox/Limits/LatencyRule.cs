namespace Autotask.Billing.Sandbox.Limits;

internal sealed class LatencyRule
{
    public LatencyRule(TimeSpan delay, string? entity, string? method)
    {
        Delay = delay;
        Entity = entity;
        Method = method;
    }

    public TimeSpan Delay { get; }

    public string? Entity { get; }

    public string? Method { get; }

    public bool Applies(string endpoint, string method) =>
        (Entity == null || string.Equals(Entity, endpoint, StringComparison.OrdinalIgnoreCase))
        && (Method == null || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase));
}
