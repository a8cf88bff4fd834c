using Autotask.Billing.Mapping;

namespace Autotask.Billing.Tests.Mapping;

public sealed class CompanyMatcherTests
{
    private static readonly CompanyCandidate[] Companies =
    {
        new(101, "Contoso Pharmaceuticals Ltd", "https://www.contoso-pharma.com/about", companyType: "Customer"),
        new(102, "Fabrikam, Inc.", "fabrikam.com"),
        new(103, "Smith & Jones Müller GmbH"),
        new(104, "Northwind Traders"),
        new(105, "NORTHWIND TRADERS LLC"),
        new(106, "Tailspin Toys", isActive: false),
        new(107, "Adventure Works Cycles Pty. Ltd."),
        new(108, "Litware", "http://litware.example.org"),
        new(109, "Woodgrove Bank"),
        new(110, "Woodgrove Bank", isActive: false),
    };

    private static readonly CompanyMatcher Matcher = new(Companies);

    private static MatchProposal Propose(string name, string? domain = null) =>
        Matcher.Propose(new VendorCustomer("PartnerCenter", "tenant-1", name, domain));

    [Fact]
    public void An_identical_name_is_proposed_with_full_confidence_and_accepted()
    {
        var proposal = Propose("Contoso Pharmaceuticals Ltd");

        Assert.Equal(101, proposal.CompanyId);
        Assert.Equal(CompanyMatchRule.ExactName, proposal.Rule);
        Assert.Equal(1.0, proposal.Confidence);
        Assert.True(proposal.IsAccepted);
        Assert.Equal("PartnerCenter", proposal.Source);
        Assert.Equal("tenant-1", proposal.CustomerId);
    }

    [Theory]
    [InlineData("contoso pharmaceuticals limited", 101)]
    [InlineData("Contoso  Pharmaceuticals", 101)]
    [InlineData("FABRIKAM INC", 102)]
    [InlineData("Fabrikam Corporation", 102)]
    [InlineData("Smith and Jones Muller", 103)]
    [InlineData("Smith & Jones Müller G.m.b.H.", 103)]
    [InlineData("The Adventure Works Cycles", 107)]
    [InlineData("Adventure-Works Cycles", 107)]
    public void A_name_that_differs_only_in_case_punctuation_accents_or_legal_form_is_a_normalised_match(string name, long companyId)
    {
        var proposal = Propose(name);

        Assert.Equal(companyId, proposal.CompanyId);
        Assert.Equal(CompanyMatchRule.NormalizedName, proposal.Rule);
        Assert.Equal(0.95, proposal.Confidence);
        Assert.True(proposal.IsAccepted);
    }

    [Theory]
    [InlineData("contoso-pharma.com")]
    [InlineData("https://contoso-pharma.com/")]
    [InlineData("billing@contoso-pharma.com")]
    public void The_customers_domain_matches_a_company_web_address(string domain)
    {
        var proposal = Propose("CPL Holdings", domain);

        Assert.Equal(101, proposal.CompanyId);
        Assert.Equal(CompanyMatchRule.Domain, proposal.Rule);
        Assert.Equal(0.9, proposal.Confidence);
        Assert.False(proposal.IsAccepted);
    }

    [Theory]
    [InlineData("litwareinc.onmicrosoft.com", 108)]
    [InlineData("fabrikam.onmicrosoft.com", 102)]
    [InlineData("contosopharmaceuticalsltd.onmicrosoft.com", 101)]
    public void A_tenant_domain_matches_the_company_it_is_named_after(string domain, long companyId)
    {
        var proposal = Propose("Tenant 42", domain);

        Assert.Equal(companyId, proposal.CompanyId);
        Assert.Equal(CompanyMatchRule.TenantName, proposal.Rule);
        Assert.Equal(0.9, proposal.Confidence);
    }

    [Fact]
    public void A_misspelt_name_is_a_fuzzy_match_below_the_rule_based_confidences_and_not_accepted()
    {
        var proposal = Propose("Contsoo Pharmaceutcals");

        Assert.Equal(101, proposal.CompanyId);
        Assert.Equal(CompanyMatchRule.Fuzzy, proposal.Rule);
        Assert.InRange(proposal.Confidence, 0.6, 0.899);
        Assert.False(proposal.IsAccepted);
        Assert.Contains("review it before applying", proposal.Reason);
    }

    [Fact]
    public void A_lower_minimum_confidence_accepts_domain_matches()
    {
        var lenient = new CompanyMatcher(Companies) { MinimumConfidence = 0.9 };

        var proposal = lenient.Propose(new VendorCustomer("Pax8", "c-1", "CPL Holdings", "contoso-pharma.com"));

        Assert.True(proposal.IsAccepted);
    }

    [Fact]
    public void Two_companies_with_the_same_normalised_name_make_the_proposal_ambiguous_and_unaccepted()
    {
        var proposal = Propose("Northwind Traders Limited");

        Assert.True(proposal.IsAmbiguous);
        Assert.False(proposal.IsAccepted);
        Assert.Equal(Math.Round(0.95 * CompanyMatcher.AmbiguityFactor, 3), proposal.Confidence);
        Assert.Contains("2 companies match equally well", proposal.Reason);
        Assert.Contains("NORTHWIND TRADERS LLC (105)", proposal.Reason);
        Assert.Contains(proposal.RunnersUp, r => r.CompanyId == (proposal.CompanyId == 104 ? 105 : 104));
    }

    [Fact]
    public void An_exact_name_wins_over_a_company_that_only_matches_once_normalised()
    {
        var proposal = Propose("Northwind Traders");

        Assert.Equal(104, proposal.CompanyId);
        Assert.False(proposal.IsAmbiguous);
        Assert.Equal(1.0, proposal.Confidence);
        Assert.Equal(105, Assert.Single(proposal.RunnersUp).CompanyId);
    }

    [Fact]
    public void An_active_company_is_preferred_over_an_inactive_one_of_the_same_name()
    {
        var proposal = Propose("Woodgrove Bank");

        Assert.Equal(109, proposal.CompanyId);
        Assert.False(proposal.IsAmbiguous);
        Assert.True(proposal.IsAccepted);
        Assert.False(Assert.Single(proposal.RunnersUp).IsActive);
    }

    [Fact]
    public void A_match_with_only_an_inactive_company_loses_confidence_and_says_so()
    {
        var proposal = Propose("Tailspin Toys");

        Assert.Equal(106, proposal.CompanyId);
        Assert.Equal(1.0 - CompanyMatcher.InactivePenalty, proposal.Confidence);
        Assert.False(proposal.IsAccepted);
        Assert.Contains("inactive", proposal.Reason);
    }

    [Fact]
    public void A_customer_like_no_company_gets_no_proposal()
    {
        var proposal = Propose("Quixotic Zebra Ventures");

        Assert.Null(proposal.CompanyId);
        Assert.Equal(CompanyMatchRule.None, proposal.Rule);
        Assert.Equal(0, proposal.Confidence);
        Assert.False(proposal.IsAccepted);
        Assert.Empty(proposal.RunnersUp);
    }
}
