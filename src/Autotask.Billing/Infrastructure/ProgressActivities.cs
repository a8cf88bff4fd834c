namespace Autotask.Billing.Infrastructure;

/// <summary>One progress activity id per cmdlet, so nested and consecutive bars never overwrite each other.</summary>
internal static class ProgressActivities
{
    public const int ReadTransactions = 1;
    public const int ReadContracts = 2;
    public const int MatchMappings = 3;
    public const int Compare = 4;
    public const int PlanSync = 5;
    public const int ApplySync = 6;
    public const int WriteReport = 7;
    public const int ReadCustomers = 8;
    public const int PushCompanies = 9;
    public const int ReadCompanies = 10;
    public const int ExportCustomers = 11;
}
