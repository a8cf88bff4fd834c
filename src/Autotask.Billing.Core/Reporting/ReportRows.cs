using System.Globalization;

namespace Autotask.Billing.Reporting;

/// <summary>
/// The rows of the CSV and JSON reports: one per difference, then one per sync result, with the same columns in the
/// same order every time (new columns are only ever added at the end). Values are invariant text.
/// </summary>
internal static class ReportRows
{
    public const string DifferenceRecord = "Difference";
    public const string SyncResultRecord = "SyncResult";

    public static readonly IReadOnlyList<ReportColumn> Columns = new[]
    {
        Text("RecordType", _ => DifferenceRecord, _ => SyncResultRecord),
        Text("CustomerId", d => d.CustomerId, r => r.CustomerId),
        Text("CustomerName", d => d.CustomerName, r => r.CustomerName),
        Text("Kind", d => d.Kind.ToString(), _ => null),
        Text("Status", _ => null, r => r.Status),
        Text("Sku", d => d.Sku, r => r.Sku),
        Text("Item", d => d.Item, _ => null),
        Text("CompanyName", d => d.CompanyName, _ => null),
        Number("ContractId", d => Id(d.ContractId), r => Id(r.ContractId)),
        Text("ContractName", d => d.ContractName, _ => null),
        Number("AutotaskQuantity", d => ReportText.Number(d.AutotaskQuantity), _ => null),
        Number("VendorQuantity", d => ReportText.Number(d.VendorQuantity), _ => null),
        Text("Currency", d => d.Currency, _ => null),
        Number("AutotaskUnitPrice", d => ReportText.Number(d.AutotaskUnitPrice), _ => null),
        Number("TargetUnitPrice", d => ReportText.Number(d.TargetUnitPrice), _ => null),
        Number("VendorUnitPrice", d => ReportText.Number(d.VendorUnitPrice), _ => null),
        Number("AutotaskUnitCost", d => ReportText.Number(d.AutotaskUnitCost), _ => null),
        Number("TargetUnitCost", d => ReportText.Number(d.TargetUnitCost), _ => null),
        Number("VendorUnitCost", d => ReportText.Number(d.VendorUnitCost), _ => null),
        Number("MonthlyRevenueImpact", d => ReportText.Amount(d.MonthlyRevenueImpact), _ => null),
        Number("MonthlyCostImpact", d => ReportText.Amount(d.MonthlyCostImpact), _ => null),
        Number("MonthlyMarginImpact", d => ReportText.Amount(d.MonthlyMarginImpact), _ => null),
        Number("OneTimeRevenueImpact", d => ReportText.Amount(d.OneTimeRevenueImpact), _ => null),
        Number("OneTimeCostImpact", d => ReportText.Amount(d.OneTimeCostImpact), _ => null),
        Boolean("IsActionable", d => d.IsActionable, _ => null),
        Boolean("RequiresForce", d => d.RequiresForce, _ => null),
        Text("EffectiveDate", d => Date(d.EffectiveDate), _ => null),
        Text("Reason", d => d.Reason, r => r.Reason),
        Text("Rule", d => d.Rule, _ => null),
        Text("DifferenceId", d => d.DifferenceId, r => r.DifferenceId),
        Text("RunId", _ => null, r => r.RunId),
        Text("OperationId", _ => null, r => r.OperationId),
        Text("OperationKind", _ => null, r => r.OperationKind),
        Text("ReasonCode", _ => null, r => r.ReasonCode),
        Text("Action", _ => null, r => r.Action),
        Text("Target", _ => null, r => r.Target),
        Number("AutotaskId", _ => null, r => Id(r.AutotaskId)),
        Text("Suggestions", d => d.Suggestions, _ => null),
    };

    /// <summary>Each row's values in <see cref="Columns"/> order; null where a column does not apply.</summary>
    public static IEnumerable<string?[]> Of(BillingReport report)
    {
        var differences = report.Differences
            .OrderBy(d => d.CustomerName, StringComparer.OrdinalIgnoreCase)
            .ThenBy(d => d.CustomerId, StringComparer.Ordinal)
            .ThenBy(d => d.Kind)
            .ThenBy(d => d.Sku, StringComparer.OrdinalIgnoreCase)
            .ThenBy(d => d.DifferenceId, StringComparer.Ordinal);
        foreach (var difference in differences)
        {
            yield return Columns.Select(c => c.OfDifference(difference)).ToArray();
        }

        var results = report.SyncResults
            .OrderBy(r => r.RunId, StringComparer.Ordinal)
            .ThenBy(r => r.OperationId, StringComparer.Ordinal);
        foreach (var result in results)
        {
            yield return Columns.Select(c => c.OfSyncResult(result)).ToArray();
        }
    }

    private static ReportColumn Text(string name, Func<ReportDifference, string?> ofDifference, Func<ReportSyncResult, string?> ofSyncResult) =>
        new(name, ReportCellType.Text, ofDifference, ofSyncResult);

    private static ReportColumn Number(string name, Func<ReportDifference, string?> ofDifference, Func<ReportSyncResult, string?> ofSyncResult) =>
        new(name, ReportCellType.Number, d => Blank(ofDifference(d)), r => Blank(ofSyncResult(r)));

    private static ReportColumn Boolean(string name, Func<ReportDifference, bool?> ofDifference, Func<ReportSyncResult, bool?> ofSyncResult) =>
        new(name, ReportCellType.Boolean, d => Flag(ofDifference(d)), r => Flag(ofSyncResult(r)));

    private static string? Id(long? id) => id?.ToString(CultureInfo.InvariantCulture);

    private static string? Date(DateTime? date) => date is null ? null : ReportText.Date(date);

    private static string? Flag(bool? flag) => flag is null ? null : flag.Value ? "True" : "False";

    private static string? Blank(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
