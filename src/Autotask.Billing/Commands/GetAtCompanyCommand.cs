using System.Management.Automation;
using Autotask.Billing.Completers;
using Autotask.Billing.Autotask;
using Autotask.Billing.Crm;
using Autotask.Billing.Infrastructure;

namespace Autotask.Billing.Commands;

/// <summary>
/// Lists Autotask companies (active ones unless -IncludeInactive), read in bulk: by id, by name (a trailing * is
/// filtered by Autotask, other wildcards after reading), or all. CompanyId binds into Get-AtContact and Export-AtCustomer.
/// </summary>
[Cmdlet(VerbsCommon.Get, "AtCompany", DefaultParameterSetName = NameSet)]
[OutputType(typeof(CompanyRecord))]
public sealed class GetAtCompanyCommand : AtBillingCmdlet
{
    private const string NameSet = "Name";
    private const string IdSet = "CompanyId";

    private readonly List<long> _ids = new();

    /// <summary>Only companies whose name matches; wildcards allowed.</summary>
    [Parameter(ParameterSetName = NameSet, Position = 0)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(CompanyNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    /// <summary>The companies with these ids.</summary>
    [Parameter(ParameterSetName = IdSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateRange(0L, long.MaxValue)]
    public long[] CompanyId { get; set; } = Array.Empty<long>();

    /// <summary>Inactive companies too.</summary>
    [Parameter]
    public SwitchParameter IncludeInactive { get; set; }

    protected override void ProcessRecord() => _ids.AddRange(CompanyId);

    protected override void EndProcessing()
    {
        var connection = RequireConnection();
        var (serverName, prefix) = ServerFilter(Name);
        var pattern = Name is null || !WildcardPattern.ContainsWildcardCharacters(Name) ? null : new WildcardPattern(Name, WildcardOptions.IgnoreCase);
        using var progress = new ThrottledProgress(WriteProgress, ProgressActivities.ReadCompanies, "Reading Autotask companies");
        progress.Report("Reading companies in bulk", force: true);
        try
        {
            var companies = Run(token => new CrmReader(connection.Client).ReadCompaniesAsync(_ids, serverName, prefix, IncludeInactive, token));
            var shown = companies.Where(c => pattern is null || pattern.IsMatch(c.CompanyName)).ToList();
            ConnectionNameCache.Remember(connection, CachedNameKind.Company, shown.Select(static c => c.CompanyName));
            WriteVerbose($"Read {shown.Count} companies.");
            WriteObject(shown, enumerateCollection: true);
        }
        catch (Exception exception) when (exception is AutotaskException or HttpRequestException)
        {
            ThrowTerminatingErrorFor(exception, Name);
        }
    }

    /// <summary>What Autotask can filter itself: an exact name, or the part before a single trailing *.</summary>
    private static (string? Name, bool Prefix) ServerFilter(string? name)
    {
        if (name is null)
        {
            return (null, false);
        }

        if (!WildcardPattern.ContainsWildcardCharacters(name))
        {
            return (WildcardPattern.Unescape(name), false);
        }

        var head = name.TrimEnd('*');
        return head.Length > 0 && !WildcardPattern.ContainsWildcardCharacters(head) ? (WildcardPattern.Unescape(head), true) : (null, false);
    }
}
