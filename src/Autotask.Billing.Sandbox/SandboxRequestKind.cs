namespace Autotask.Billing.Sandbox;

public enum SandboxRequestKind
{
    Query,
    Count,
    Get,
    Create,
    Update,
    Delete,
    Metadata,
}
