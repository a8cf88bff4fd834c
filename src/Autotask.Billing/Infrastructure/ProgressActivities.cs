namespace Autotask.Billing.Infrastructure;

/// <summary>
/// One progress activity id per cmdlet, so that bars of commands in one pipeline (Get-AtContract | Get-AtContractService,
/// Get-AtTransaction | New-AtContractMapping) never overwrite each other. A convention test keeps them distinct.
/// </summary>
internal static class ProgressActivities
{
    public const int ReadTransactions = 1;
    public const int ReadContracts = 2;
    public const int MatchCustomers = 3;
    public const int Compare = 4;
    public const int ApplySync = 6;
    public const int WriteReport = 7;
    public const int ReadContractServices = 8;
    public const int MatchSkus = 9;
    public const int ReadCustomers = 10;
    public const int PushCompanies = 11;
    public const int ReadCompanies = 12;
    public const int ExportCustomers = 13;
}
