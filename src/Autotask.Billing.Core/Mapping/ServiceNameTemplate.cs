using System.Text.RegularExpressions;

namespace Autotask.Billing.Mapping;

/// <summary>Names for services sync creates, such as <c>{Sku}</c> (Intermedia) or <c>PC_{Sku}</c> (PRISM).</summary>
public static class ServiceNameTemplate
{
    public const string SkuPlaceholder = "{Sku}";

    private static readonly Regex Placeholder = new(@"\{[^{}]*\}", RegexOptions.CultureInvariant);

    public static string Apply(string template, string sku)
    {
        if (Check(template) is string problem)
        {
            throw new ArgumentException(problem, nameof(template));
        }

        return template.Replace(SkuPlaceholder, sku);
    }

    /// <summary>Why the template cannot be used, or null when it can.</summary>
    public static string? Check(string? template)
    {
        if (string.IsNullOrWhiteSpace(template))
        {
            return $"the template is empty; it must contain {SkuPlaceholder}";
        }

        foreach (Match match in Placeholder.Matches(template))
        {
            if (match.Value != SkuPlaceholder)
            {
                return $"unknown placeholder '{match.Value}' in '{template}'; the only placeholder is {SkuPlaceholder}";
            }
        }

        return template!.Contains(SkuPlaceholder)
            ? null
            : $"the template '{template}' does not contain {SkuPlaceholder}, so every SKU would get the same service name";
    }
}
