namespace Autotask.Billing.Mapping;

/// <summary>Why a company was proposed, strongest first.</summary>
public enum CompanyMatchRule
{
    /// <summary>No company was found.</summary>
    None,

    /// <summary>The names are identical (confidence 1.0).</summary>
    ExactName,

    /// <summary>The names are the same once case, accents, punctuation and legal forms are ignored (0.95).</summary>
    NormalizedName,

    /// <summary>The customer's domain is the company's web address (0.9).</summary>
    Domain,

    /// <summary>The customer's <c>*.onmicrosoft.com</c> tenant name is the company's name (0.9).</summary>
    TenantName,

    /// <summary>The names are similar (below 0.9, scaled from the similarity score).</summary>
    Fuzzy,
}
