using System.Management.Automation;
using Autotask.Billing.Autotask;
using Autotask.Billing.Crm;
using Autotask.Billing.Infrastructure;

namespace Autotask.Billing.Commands;

/// <summary>
/// Lists the contacts of Autotask companies, read in bulk for all companies piped in (never one request per company):
/// active ones unless -IncludeInactive, optionally only primary contacts or addresses matching -EmailAddress.
/// </summary>
[Cmdlet(VerbsCommon.Get, "AtContact")]
[OutputType(typeof(ContactRecord))]
public sealed class GetAtContactCommand : AtBillingCmdlet
{
    private readonly List<long> _ids = new();

    /// <summary>The companies whose contacts to list; binds from Get-AtCompany.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateRange(0L, long.MaxValue)]
    public long[] CompanyId { get; set; } = Array.Empty<long>();

    /// <summary>Only contacts whose e-mail address matches; wildcards allowed.</summary>
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? EmailAddress { get; set; }

    /// <summary>Only each company's primary contact.</summary>
    [Parameter]
    public SwitchParameter PrimaryOnly { get; set; }

    /// <summary>Inactive contacts too.</summary>
    [Parameter]
    public SwitchParameter IncludeInactive { get; set; }

    protected override void ProcessRecord() => _ids.AddRange(CompanyId);

    protected override void EndProcessing()
    {
        var connection = RequireConnection();
        var patterns = EmailAddress?.Select(static p => new WildcardPattern(p, WildcardOptions.IgnoreCase)).ToList();
        try
        {
            var contacts = Run(token => new CrmReader(connection.Client).ReadContactsAsync(_ids.Distinct().ToList(), IncludeInactive, token));
            var shown = contacts
                .Where(c => !PrimaryOnly || c.PrimaryContact)
                .Where(c => patterns is null || (c.EmailAddress is { } email && patterns.Any(p => p.IsMatch(email))))
                .ToList();
            WriteVerbose($"Read {shown.Count} contacts of {_ids.Distinct().Count()} companies.");
            WriteObject(shown, enumerateCollection: true);
        }
        catch (Exception exception) when (exception is AutotaskException or HttpRequestException)
        {
            ThrowTerminatingErrorFor(exception, CompanyId);
        }
    }
}
