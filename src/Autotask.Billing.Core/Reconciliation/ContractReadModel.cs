using Autotask.Billing.Autotask.Entities;

namespace Autotask.Billing.Reconciliation;

/// <summary>Turns a <see cref="ContractSnapshot"/> into the rows Get-AtContract and Get-AtContractService write.</summary>
public static class ContractReadModel
{
    public static IEnumerable<AutotaskContract> Contracts(ContractSnapshot snapshot)
    {
        if (snapshot is null)
        {
            throw new ArgumentNullException(nameof(snapshot));
        }

        return snapshot.Contracts.Values.OrderBy(c => c.Id).Select(contract => Contract(snapshot, contract));
    }

    public static IEnumerable<AutotaskContractService> ContractServices(ContractSnapshot snapshot)
    {
        if (snapshot is null)
        {
            throw new ArgumentNullException(nameof(snapshot));
        }

        return snapshot.Contracts.Values
            .OrderBy(c => c.Id)
            .SelectMany(contract => snapshot.ServicesOn(contract.Id).Select(cs => ContractService(snapshot, contract, cs)));
    }

    public static AutotaskContract Contract(ContractSnapshot snapshot, Contract contract)
    {
        var status = snapshot.ContractStatus(contract);
        return new AutotaskContract
        {
            ContractId = contract.Id,
            ContractName = contract.ContractName ?? string.Empty,
            ContractNumber = contract.ContractNumber,
            CompanyId = contract.CompanyID,
            CompanyName = snapshot.CompanyOf(contract.CompanyID)?.CompanyName,
            Status = status,
            IsActive = string.Equals(status, "Active", StringComparison.OrdinalIgnoreCase),
            ContractType = snapshot.ContractTypeLabel(contract),
            PeriodType = snapshot.ContractPeriodLabel(contract),
            StartDate = contract.StartDate,
            EndDate = contract.EndDate,
        };
    }

    public static AutotaskContractService ContractService(ContractSnapshot snapshot, Contract contract, ContractService contractService)
    {
        var service = snapshot.ServiceOf(contractService.ServiceID);
        var units = snapshot.UnitsOf(contractService.Id);
        var count = units?.Units ?? 0;
        var price = snapshot.CurrentPrice(contractService);
        var cost = snapshot.CurrentCost(contractService);
        // A tenant's own period type cannot be turned into months: its money per month is unknown, not its price.
        int? months = snapshot.UnknownServicePeriod(service) is null ? snapshot.ServicePeriodMonths(service) : null;
        return new AutotaskContractService
        {
            ContractServiceId = contractService.Id,
            ContractId = contract.Id,
            ContractName = contract.ContractName,
            CompanyId = contract.CompanyID,
            CompanyName = snapshot.CompanyOf(contract.CompanyID)?.CompanyName,
            ServiceId = contractService.ServiceID,
            ServiceName = service?.Name,
            Sku = PartNumberOf(service),
            ServiceIsActive = service?.IsActive,
            UnitPrice = price,
            UnitCost = cost,
            Units = count,
            UnitsPeriodStart = units?.StartDate,
            UnitsPeriodEnd = units?.EndDate,
            AsOf = snapshot.AsOf,
            MonthlyRevenue = months is int revenueMonths ? Proration.RoundMoney(count * (price ?? 0m) / revenueMonths) : null,
            MonthlyCost = months is int costMonths ? Proration.RoundMoney(count * (cost ?? 0m) / costMonths) : null,
        };
    }

    /// <summary>The vendor part number a service carries: its SKU, else its provider product number, else its catalog number.</summary>
    public static string? PartNumberOf(Service? service) =>
        FirstText(service?.Sku, service?.ManufacturerServiceProviderProductNumber, service?.CatalogNumberPartNumber);

    private static string? FirstText(params string?[] values) =>
        values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
}
