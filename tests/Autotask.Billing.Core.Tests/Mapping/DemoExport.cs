using Autotask.Billing.Mapping;
using Autotask.Billing.Sandbox;

namespace Autotask.Billing.Tests.Mapping;

/// <summary>The demo tenant's vendor export, read by the real billing reader from a real file.</summary>
internal static class DemoExport
{
    public static IReadOnlyList<Transaction> Lines()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("demo-export.csv");
        File.WriteAllText(path, DemoTenant.DemoExportCsv);
        var reader = new BillingSourceReader(new BillingReadOptions { Window = BillingWindow.ForMonth(DemoTenant.ExportMonth) });
        return reader.ReadFile(path, CancellationToken.None).Select(item => item.Transaction!).ToList();
    }

    public static IReadOnlyList<VendorCustomer> Customers() =>
        Lines().Select(line => new VendorCustomer(line.Source, line.CustomerId, line.CustomerName, line.CustomerDomain)).ToList();

    public static IReadOnlyList<VendorSku> Skus() =>
        Lines().Select(line => VendorSku.FromLine(line.Source, line.Sku, line.ChargeType)).ToList();
}
