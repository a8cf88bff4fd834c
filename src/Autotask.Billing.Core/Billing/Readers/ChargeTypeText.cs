namespace Autotask.Billing.Readers;

/// <summary>Reads a charge type word: the enum names in any case, with or without a space or dash ("One-Time").</summary>
internal static class ChargeTypeText
{
    public static bool TryParse(string text, out ChargeType chargeType)
    {
        switch (text.Replace(" ", string.Empty).Replace("-", string.Empty).Replace("_", string.Empty).ToLowerInvariant())
        {
            case "recurring":
                chargeType = ChargeType.Recurring;
                return true;
            case "onetime":
                chargeType = ChargeType.OneTime;
                return true;
            case "usage":
                chargeType = ChargeType.Usage;
                return true;
            case "credit":
                chargeType = ChargeType.Credit;
                return true;
            default:
                chargeType = default;
                return false;
        }
    }
}
