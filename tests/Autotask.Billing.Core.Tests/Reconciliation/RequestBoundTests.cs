using Autotask.Billing.Reconciliation;
using static Autotask.Billing.Tests.Reconciliation.CompareTenant;

namespace Autotask.Billing.Tests.Reconciliation;

/// <summary>
/// Tenants of 300 and 2,000 customers × 20 services (6,000 and 40,000 contract services), seeded without HTTP: the
/// comparison reads it all in bulk within 10 % (plus 3) of the fewest requests the data needs. The time it takes is
/// the compare benchmark's business, not this test's.
/// </summary>
public sealed class RequestBoundTests : IDisposable
{
    private const int ServicesPerCustomer = 20;

    private readonly CompareTenant _tenant = new();

    [Theory]
    [InlineData(300)]
    [InlineData(2000)]
    public async Task A_large_tenant_is_compared_within_the_request_bound_and_every_planted_difference_is_found(int customers)
    {
        var skus = Enumerable.Range(1, ServicesPerCustomer).Select(i => $"SKU-{i:00}").ToList();
        var services = skus.ToDictionary(sku => sku, sku => _tenant.AddService(sku, "Service " + sku, 10m, 7m));
        var lines = new List<Transaction>();
        var planted = 0;
        for (var c = 0; c < customers; c++)
        {
            var customer = _tenant.AddCustomer($"Customer {c:0000}");
            for (var s = 0; s < skus.Count; s++)
            {
                var units = 1 + ((c + s) % 30);
                _tenant.AddUnits(customer, services[skus[s]], units);
                var differs = (c * ServicesPerCustomer + s) % 37 == 0;
                planted += differs ? 1 : 0;
                lines.Add(customer.Seat(skus[s], differs ? units + 1 : units, 10m, 7m, line: (c * ServicesPerCustomer) + s + 2));
            }
        }

        var result = await _tenant.CompareAsync(lines);

        Assert.Equal(planted, result.Differences.Count);
        Assert.All(result.Differences, d => Assert.Equal(DifferenceKind.QuantityChange, d.Kind));
        Assert.Equal(customers, result.Summary.Contracts);
        Assert.InRange(result.Summary.AutotaskRequests, result.Summary.MinimumRequests, result.Summary.RequestAllowance);
        Assert.Equal(result.SandboxRequests, result.Summary.AutotaskRequests);
        Assert.True(result.Summary.MinimumRequests >= (2 * customers * ServicesPerCustomer / 500) + 2);
    }

    public void Dispose() => _tenant.Dispose();
}
