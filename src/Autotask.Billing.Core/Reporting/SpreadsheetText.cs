namespace Autotask.Billing.Reporting;

/// <summary>
/// The formula guard, in one place: text a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a
/// carriage return) gets a leading apostrophe, the guard Excel itself uses. Text that only looks guarded (an apostrophe
/// before such a start) gets one more, so <see cref="Restore"/> gives back exactly the original text.
/// </summary>
public static class SpreadsheetText
{
    public static string? Guard(string? text) => NeedsGuard(text) ? "'" + text : text;

    /// <summary>
    /// The text <see cref="Guard"/> was given; other text unchanged. Only an apostrophe before the guarded starts can be
    /// the guard: one before anything else (a Dutch "'t Hoekje") is the text's own and stays.
    /// </summary>
    public static string? Restore(string? text) =>
        text is { Length: > 1 } && text[0] == '\'' && NeedsGuard(text.Substring(1)) ? text.Substring(1) : text;

    private static bool NeedsGuard(string? text)
    {
        var start = 0;
        while (text is not null && start < text.Length && text[start] == '\'')
        {
            start++;
        }

        return text is not null && start < text.Length && text[start] is '=' or '+' or '-' or '@' or '\t' or '\r';
    }
}
