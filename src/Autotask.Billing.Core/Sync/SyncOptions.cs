namespace Autotask.Billing.Sync;

/// <summary>How the executor applies a plan.</summary>
public sealed class SyncOptions
{
    /// <summary>Apply changes above the quantity threshold and drops to zero (-Force).</summary>
    public bool Force { get; init; }

    /// <summary>Where the run's journal is written (the module passes &lt;state folder&gt;/journal/); null writes none.</summary>
    public string? JournalFolder { get; init; }

    /// <summary>Who started the run, for the journal: the OS user by default.</summary>
    public string RunBy { get; init; } = Environment.UserName;

    public string? ModuleVersion { get; init; }

    /// <summary>How many contracts one drift-check read covers (ContractServices, ContractServiceUnits, ContractCharges).</summary>
    public int ContractsPerRead { get; init; } = 50;
}
