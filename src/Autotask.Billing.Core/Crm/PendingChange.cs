namespace Autotask.Billing.Crm;

/// <summary>
/// One write that is not yet in Autotask, in push order: what Get-AtPendingChange lists. Applied writes are journalled
/// by the push that made them, and Autotask then holds them, so they are not listed again.
/// </summary>
public sealed class PendingChange
{
    internal PendingChange(int step, PushStage stage, SyncOperation operation)
    {
        Step = step;
        Stage = stage;
        OperationId = operation.OperationId;
        Kind = operation.Kind;
        Target = operation.Target;
        Action = operation.Action;
        Customer = operation.CustomerName;
        Sku = operation.Sku;
        Problem = operation.Problem;
        DependsOn = operation.DependsOn;
    }

    /// <summary>The position in the push: 1 is written first.</summary>
    public int Step { get; }

    public PushStage Stage { get; }

    /// <summary>The id within its stage's plan (the push cmdlet of that stage reports the same id).</summary>
    public string OperationId { get; }

    public SyncOperationKind Kind { get; }

    public string Target { get; }

    /// <summary>What the write does, in words an accountant can check (the same text -WhatIf shows).</summary>
    public string Action { get; }

    public string? Customer { get; }

    public string? Sku { get; }

    /// <summary>Why the write would be held back (missing phone, primary contact or billing code), or null.</summary>
    public string? Problem { get; }

    /// <summary>Operation ids of the same stage this write waits for.</summary>
    public IReadOnlyList<string> DependsOn { get; }

    public override string ToString() => $"{Step}. {Stage}: {Target} — {Action}";
}
