using Autotask.Billing.Mapping;

namespace Autotask.Billing.Reconciliation;

/// <summary>
/// What the mapping leaves out of a compare, counted by why: every line of a customer whose mapping has Export off,
/// lines that ended before the customer's SyncStartDate, and lines of SKUs mapped as Excluded.
/// </summary>
internal sealed class MappingLineFilter
{
    private readonly MappingDocument _mapping;
    private readonly LineMappingLookup _lookups = new();
    private readonly HashSet<string> _skippedCustomers = new(StringComparer.OrdinalIgnoreCase);

    public MappingLineFilter(MappingDocument mapping)
    {
        _mapping = mapping;
    }

    public int SkippedNotExported => _skippedCustomers.Count;

    public int SkippedNotExportedLines { get; private set; }

    public int LinesBeforeSyncStart { get; private set; }

    public int ExcludedSkuLines { get; private set; }

    /// <summary>
    /// A line (or summary) kept had no customer mapping: the compare's plan will count it as an unmapped customer
    /// (<see cref="ComparisonPlan.NeedsAllCompanies"/>), so every company will be read for suggestions.
    /// </summary>
    public bool KeptUnmappedCustomer { get; private set; }

    /// <summary>Whether a line (or summary) of this customer and SKU, ending on <paramref name="lineDate"/>, is compared; counts it when not.</summary>
    public bool Keep(string source, string customerId, string sku, DateTime? lineDate)
    {
        var (customer, service) = _lookups.Find(_mapping, source, customerId, sku);
        if (customer is { Export: false })
        {
            _skippedCustomers.Add(MappingKeys.Of(source.Trim(), customerId.Trim()));
            SkippedNotExportedLines++;
            return false;
        }

        if (customer?.SyncStartDate is DateTime start && lineDate is DateTime date && date.Date < start.Date)
        {
            LinesBeforeSyncStart++;
            return false;
        }

        if (service is { Excluded: true })
        {
            ExcludedSkuLines++;
            return false;
        }

        KeptUnmappedCustomer |= customer is null;
        return true;
    }
}
