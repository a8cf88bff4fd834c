namespace Autotask.Billing.Autotask;

/// <summary>Text cut to the length of the Autotask field it is written to (Autotask refuses longer text).</summary>
internal static class AutotaskText
{
    public static string? Truncate(string? text, int length) => text is null || text.Length <= length ? text : text.Substring(0, length);
}
