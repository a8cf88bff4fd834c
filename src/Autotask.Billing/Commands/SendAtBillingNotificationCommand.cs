using System.Management.Automation;
using Autotask.Billing.Infrastructure;
using Autotask.Billing.Notifications;
using Autotask.Billing.Reporting;

namespace Autotask.Billing.Commands;

/// <summary>
/// Sends a short summary of what was piped in — Sync-AtContract's results and run summary, or Compare-AtContract's
/// differences and summary — to a chat webhook (Slack, Teams, or anything that takes {"text": ...}) and/or by mail,
/// when it matters: by default when something failed or needs review, or a price changed. A webhook is only ever
/// shown by scheme and host (its path is its secret); the mail password never appears.
/// </summary>
[Cmdlet(VerbsCommunications.Send, "AtBillingNotification", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(NotificationDelivery))]
public sealed class SendAtBillingNotificationCommand : AtBillingCmdlet
{
    private const int SmtpPort = 25;
    private const int SubmissionPort = 587;

    private readonly BillingReportBuilder _builder = new();
    private SmtpSettings? _smtp;

    /// <summary>SyncResult, SyncRunSummary, ContractDifference and ComparisonSummary objects, or re-imported copies of them.</summary>
    [Parameter(ValueFromPipeline = true)]
    [AllowNull]
    public PSObject?[]? InputObject { get; set; }

    /// <summary>The incoming-webhook URL of a Slack or Teams channel (or any service that takes {"text": ...}).</summary>
    [Parameter]
    [ValidateNotNull]
    public Uri? WebhookUri { get; set; }

    /// <summary>Generic ({"text": markdown}), Slack (blocks) or Teams (an Adaptive Card).</summary>
    [Parameter]
    public WebhookFormat WebhookFormat { get; set; } = WebhookFormat.Generic;

    /// <summary>The SMTP server to mail the summary through.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? SmtpServer { get; set; }

    /// <summary>The SMTP port; 25, or 587 with -UseSsl.</summary>
    [Parameter]
    [ValidateRange(1, 65535)]
    public int? Port { get; set; }

    /// <summary>Upgrades the SMTP connection with STARTTLS before sending anything.</summary>
    [Parameter]
    public SwitchParameter UseSsl { get; set; }

    /// <summary>The SMTP login; none by default.</summary>
    [Parameter]
    [Credential]
    public PSCredential? Credential { get; set; }

    /// <summary>The sender's address.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? From { get; set; }

    /// <summary>The recipients' addresses.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? To { get; set; }

    /// <summary>NeedsAttention (the default: failures, items to review, price changes), Failures, PriceChanges or Always.</summary>
    [Parameter]
    public NotificationTrigger Only { get; set; } = NotificationTrigger.NeedsAttention;

    protected override void BeginProcessing()
    {
        if (WebhookUri is null && SmtpServer is null)
        {
            Refuse("Give -WebhookUri, -SmtpServer, or both.", null);
        }

        if (WebhookUri is not null && (!WebhookUri.IsAbsoluteUri || (WebhookUri.Scheme != Uri.UriSchemeHttps && WebhookUri.Scheme != Uri.UriSchemeHttp)))
        {
            Refuse("-WebhookUri must be an absolute http:// or https:// URL.", null);
        }

        if (SmtpServer is null)
        {
            return;
        }

        if (From is null || To is null || To.Length == 0)
        {
            Refuse("Mail needs -From and -To as well as -SmtpServer.", SmtpServer);
        }

        try
        {
            _smtp = new SmtpSettings(SmtpServer, Port ?? (UseSsl ? SubmissionPort : SmtpPort), From!, To!)
            {
                UseSsl = UseSsl,
                Credential = Credential?.GetNetworkCredential(),
            };
        }
        catch (ArgumentException exception)
        {
            ThrowTerminatingError(ErrorRecords.Create(exception, ErrorIds.InvalidArgument, ErrorCategory.InvalidArgument, SmtpServer));
        }
    }

    protected override void ProcessRecord()
    {
        foreach (var item in InputObject ?? Array.Empty<PSObject?>())
        {
            if (item is null)
            {
                continue;
            }

            try
            {
                _builder.Add(PropertyBag.From(item));
            }
            catch (ReportInputException exception)
            {
                WriteError(ErrorRecords.Create(exception, ErrorIds.ReportInputInvalid, ErrorCategory.InvalidData, item));
            }
        }
    }

    protected override void EndProcessing()
    {
        var report = _builder.Build("Autotask billing", DateTime.UtcNow);
        if (!NotificationRules.IsDue(report, Only))
        {
            WriteVerbose($"No notification sent: nothing in the {_builder.Count} objects matched -Only {Only}.");
            return;
        }

        var message = NotificationMessage.Compose(report);
        if (WebhookUri is not null)
        {
            PostToWebhook(WebhookUri, message);
        }

        if (_smtp is not null)
        {
            Mail(_smtp, message);
        }
    }

    private void PostToWebhook(Uri webhook, NotificationMessage message)
    {
        var target = WebhookNotifier.Describe(webhook);
        if (!ShouldProcess(target, $"Post \"{message.Subject}\" ({WebhookFormat} format)"))
        {
            return;
        }

        WriteVerbose($"Posting the notification to the webhook at {target}.");
        using var notifier = new WebhookNotifier();
        try
        {
            WriteObject(Run(token => notifier.SendAsync(webhook, message, WebhookFormat, token)));
        }
        catch (NotificationDeliveryException exception)
        {
            WriteError(ErrorRecords.Create(exception, ErrorIds.NotificationFailed, ErrorCategory.ConnectionError, target,
                "Check that the webhook still exists in the channel's settings and that this machine can reach it."));
        }
    }

    private void Mail(SmtpSettings smtp, NotificationMessage message)
    {
        if (!ShouldProcess(smtp.Destination, $"Mail \"{message.Subject}\""))
        {
            return;
        }

        WriteVerbose($"Mailing the notification through {smtp.Server}:{smtp.Port}{(smtp.UseSsl ? " with STARTTLS" : string.Empty)}{(smtp.Credential is null ? string.Empty : " as " + smtp.Credential.UserName)}.");
        try
        {
            WriteObject(Run(token => new SmtpNotifier(smtp).SendAsync(message, token)));
        }
        catch (NotificationDeliveryException exception)
        {
            WriteError(ErrorRecords.Create(exception, ErrorIds.NotificationFailed, ErrorCategory.ConnectionError, smtp.Destination,
                "Check -SmtpServer, -Port, -UseSsl and -Credential with the mail administrator."));
        }
    }

    private void Refuse(string message, object? target) =>
        ThrowTerminatingError(ErrorRecords.Create(new ArgumentException(message), ErrorIds.InvalidArgument, ErrorCategory.InvalidArgument, target));
}
