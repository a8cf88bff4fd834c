using Autotask.Billing.Mapping;

namespace Autotask.Billing.Tests.Mapping;

public sealed class CompanyMatcherWorkloadTests
{
    [Fact]
    public void Two_thousand_customers_against_five_thousand_companies_get_the_expected_proposals()
    {
        var workload = new MatchingWorkload(companyCount: 5000, customerCount: 2000);
        var matcher = new CompanyMatcher(workload.Companies);

        var proposals = matcher.ProposeAll(workload.Customers.Select(c => c.Customer)).ToList();

        var wrong = workload.Customers
            .Zip(proposals, (expected, proposal) => (expected, proposal))
            .Where(pair => pair.proposal.CompanyId != pair.expected.CompanyId || pair.proposal.Rule != pair.expected.Rule)
            .Select(pair => $"{pair.expected.Customer.CustomerName}: expected {pair.expected.CompanyId} by {pair.expected.Rule}, got {pair.proposal.CompanyId} ({pair.proposal.CompanyName}) by {pair.proposal.Rule}")
            .ToList();
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong.Take(20)));
        Assert.Equal(1200, proposals.Count(p => p.IsAccepted));
        Assert.Equal(200, proposals.Count(p => p.CompanyId is null));
    }
}
