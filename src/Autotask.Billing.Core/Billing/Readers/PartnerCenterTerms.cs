namespace Autotask.Billing.Readers;

/// <summary>Term and billing frequency from Partner Center's TermAndBillingCycle text (FORMATS.md §1.1.3).</summary>
internal static class PartnerCenterTerms
{
    public static string? Term(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var t = text.ToLowerInvariant();
        if (t.Contains("three") || t.Contains("3 year") || t.Contains("3-year"))
        {
            return "3 Years";
        }

        if (t.Contains("one-year") || t.Contains("one year") || t.Contains("1 year") || t.Contains("1-year"))
        {
            return "1 Year";
        }

        if (t.Contains("one-month") || t.Contains("one month") || t.Contains("1 month") || t.Contains("1-month"))
        {
            return "1 Month";
        }

        return null;
    }

    /// <summary>BillingFrequency first; else the text ("…for monthly billing", "…for yearly billing", trial).</summary>
    public static string BillingCycle(string? billingFrequency, string? termText)
    {
        if (billingFrequency is not null)
        {
            return billingFrequency;
        }

        if (termText is null)
        {
            return string.Empty;
        }

        var t = termText.ToLowerInvariant();
        if (t.Contains("trial"))
        {
            return "Trial";
        }

        // Blank frequency with a "monthly/yearly" choice is the annual-upfront plan (third-party readers agree).
        if (t.Contains("yearly") || t.Contains("annual") || t.Contains("1 year subscription"))
        {
            return "Annual";
        }

        if (t.Contains("3 years billing"))
        {
            return "Triennial";
        }

        return t.Contains("monthly") || t.Contains("1 month subscription") ? "Monthly" : string.Empty;
    }

    /// <summary>Text that names a commitment (recurring); perpetual and one-time purchases have none.</summary>
    public static bool IsRecurringTerm(string? termText, string? billingFrequency)
    {
        if (billingFrequency is not null)
        {
            var f = billingFrequency.ToLowerInvariant();
            return f != "onetime" && f != "one-time" && f != "one time";
        }

        if (termText is null)
        {
            return false;
        }

        var t = termText.ToLowerInvariant();
        return !t.Contains("perpetual") && !t.Contains("one-time") && !t.Contains("one time");
    }
}
