using Autotask.Billing.Tabular;

namespace Autotask.Billing.Readers;

/// <summary>Term and billing frequency from Partner Center's TermAndBillingCycle text (FORMATS.md §1.1.3).</summary>
internal static class PartnerCenterTerms
{
    // Each answer depends on the exact text only, and the columns take a handful of values (issue 15).
    private static readonly TextMemo<string?> Terms = new(TermOf);
    private static readonly TextMemo<string> Cycles = new(CycleOf);
    private static readonly TextMemo<bool> RecurringFrequencies = new(IsRecurringFrequency);
    private static readonly TextMemo<bool> RecurringTexts = new(IsRecurringText);

    public static string? Term(string? text) => text is null ? null : Terms.Of(text);

    /// <summary>BillingFrequency first; else the text ("…for monthly billing", "…for yearly billing", trial).</summary>
    public static string BillingCycle(string? billingFrequency, string? termText)
    {
        if (billingFrequency is not null)
        {
            return billingFrequency;
        }

        return termText is null ? string.Empty : Cycles.Of(termText);
    }

    /// <summary>Text that names a commitment (recurring); perpetual and one-time purchases have none.</summary>
    public static bool IsRecurringTerm(string? termText, string? billingFrequency)
    {
        if (billingFrequency is not null)
        {
            return RecurringFrequencies.Of(billingFrequency);
        }

        return termText is not null && RecurringTexts.Of(termText);
    }

    private static string? TermOf(string text)
    {
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

    private static string CycleOf(string termText)
    {
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

    private static bool IsRecurringFrequency(string billingFrequency)
    {
        var f = billingFrequency.ToLowerInvariant();
        return f != "onetime" && f != "one-time" && f != "one time";
    }

    private static bool IsRecurringText(string termText)
    {
        var t = termText.ToLowerInvariant();
        return !t.Contains("perpetual") && !t.Contains("one-time") && !t.Contains("one time");
    }
}
