namespace Autotask.Billing.Sandbox.Engine;

// Who performs a write and when: the API user, or the resource it impersonates.
internal sealed class WriteContext
{
    public WriteContext(long actingResourceId, long? impersonatorResourceId, DateTime now)
    {
        ActingResourceId = actingResourceId;
        ImpersonatorResourceId = impersonatorResourceId;
        Now = now;
    }

    public long ActingResourceId { get; }

    public long? ImpersonatorResourceId { get; }

    public DateTime Now { get; }
}
