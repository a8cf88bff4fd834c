namespace Autotask.Billing.Sandbox.Limits;

internal sealed class FaultRule
{
    public FaultRule(SandboxFaultKind kind, string? entity, string? method, int? remaining, double? probability, Random? random, TimeSpan commitDelay = default, SandboxLateCommit? gate = null)
    {
        CommitDelay = commitDelay;
        Gate = gate;
        Kind = kind;
        Entity = entity;
        Method = method;
        Remaining = remaining;
        Probability = probability;
        Random = random;
    }

    public SandboxFaultKind Kind { get; }

    // For the late-commit kinds: how long after the request arrived the backend commits it.
    public TimeSpan CommitDelay { get; }

    // For the late-commit kinds: when set, the backend commits when the test releases it, and CommitDelay is unused.
    public SandboxLateCommit? Gate { get; }

    public string? Entity { get; }

    public string? Method { get; }

    public int? Remaining { get; set; }

    public double? Probability { get; }

    public Random? Random { get; }

    // A late commit only makes sense for a create: it hits the next create, never a query.
    public bool Applies(string endpoint, string method, bool isCreate) =>
        (isCreate || Kind is not (SandboxFaultKind.CommitLateAfterGatewayTimeout or SandboxFaultKind.CommitLateWithoutAnswer))
        && (Entity == null || string.Equals(Entity, endpoint, StringComparison.OrdinalIgnoreCase))
        && (Method == null || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase));
}
