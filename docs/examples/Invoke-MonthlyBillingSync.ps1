#Requires -Version 5.1
<#
.SYNOPSIS
    The unattended monthly billing run: connect, read the month's vendor export, compare it with the Autotask
    contracts, apply the differences inside the guardrails, write the report, notify, and exit with a code the
    scheduler can act on.
.DESCRIPTION
    Meant for Task Scheduler, cron or any CI runner; it never prompts. It connects with the API user in
    AUTOTASK_API_USER, AUTOTASK_API_SECRET and AUTOTASK_API_INTEGRATION_CODE, or with the credential and integration
    code stored in a SecretManagement vault (-VaultName), or to the embedded sandbox (-Sandbox, for a rehearsal).

    Changes are applied with -Confirm:$false but never with -Force: a change beyond the guardrails (a large quantity
    change, a drop to zero) is held back and reported as needing review, never applied unattended.

    Exit codes:
      0  everything that needed doing was done;
      1  something failed: the connection, the export, a billing line that could not be read, an Autotask write,
         the report or the notification;
      2  nothing failed, but something needs a person: unmapped customers or SKUs, changes held back by the
         guardrails, expired contracts, currency mismatches, contracts changed since the compare.

    The script writes one summary object (the month, the counts, the report's path and the exit code) to the
    output, warnings for everything that failed or needs review, and its progress to the verbose stream.
.PARAMETER ExportPath
    The month's vendor export files; wildcards allowed.
.PARAMETER Month
    The billing month, yyyy-MM. Defaults to the previous calendar month.
.PARAMETER Format
    The export's format or profile name (Generic, PartnerCenter, pax8-invoice-items, ...); detected when omitted.
.PARAMETER StatePath
    The folder of the mapping store and sync journal; defaults to AUTOTASK_BILLING_HOME or the per-user
    application-data folder.
.PARAMETER ReportFolder
    Where the HTML report billing-<Month>.html is written; defaults to the folder of the first export file.
.PARAMETER VaultName
    A SecretManagement vault holding the API credential and integration code; without it, the AUTOTASK_API_*
    environment variables are used.
.PARAMETER SecretName
    The vault secret holding the API user, secret and integration code (see Connect-AtBilling -Vault); default
    AutotaskBilling.
.PARAMETER Notification
    Parameters for Send-AtBillingNotification, splatted, for example
    @{ WebhookUri = $env:BILLING_TEAMS_WEBHOOK; WebhookFormat = 'Teams' } or
    @{ SmtpServer = 'smtp.contoso.com'; UseSsl = $true; From = 'billing@contoso.com'; To = 'finance@contoso.com' }.
    It sends when something failed or needs review (add Only = 'Always' to hear every run). Without it, nothing is sent.
.PARAMETER AcceptPartialFile
    Syncs the readable rest of an export that has lines which could not be read. Without it such an export stops
    the run before anything is compared or written (exit code 1). With it, every customer named by a rejected line
    is held back whole, and a file whose rejected line names no readable customer still stops the run.
.PARAMETER Sandbox
    Connects to the embedded sandbox instead of Autotask: a rehearsal with the demo tenant.
.EXAMPLE
    ./Invoke-MonthlyBillingSync.ps1 -ExportPath 'D:\Billing\Exports\*.csv' -ReportFolder 'D:\Billing\Reports'

    Reconciles last month's exports with the API user from the environment variables.
.EXAMPLE
    $samples = Join-Path -Path (Get-Module -Name Autotask.Billing).ModuleBase -ChildPath 'Samples'
    ./Invoke-MonthlyBillingSync.ps1 -Sandbox -ExportPath (Join-Path -Path $samples -ChildPath 'demo-export.csv') -Month 2026-10 -ReportFolder $HOME

    A rehearsal against the embedded sandbox with the demo export. It exits with 2 (needs review) until the demo
    customers and SKUs are mapped (New-AtContractMapping -Auto, New-AtServiceMapping -Auto), and even then, because
    the demo export holds a customer that has no company in Autotask.
#>
[Diagnostics.CodeAnalysis.SuppressMessageAttribute('PSAvoidUsingPlainTextForPassword', 'CredentialSecretName', Justification = 'The name of a vault secret, not a secret.')]
[CmdletBinding()]
param(
    [Parameter(Mandatory = $true)]
    [ValidateNotNullOrEmpty()]
    [string[]] $ExportPath,

    [ValidatePattern('^\d{4}-(0[1-9]|1[0-2])$')]
    [string] $Month = (Get-Date).AddMonths(-1).ToString('yyyy-MM', [System.Globalization.CultureInfo]::InvariantCulture),

    [string] $Format,

    [string] $StatePath,

    [string] $ReportFolder,

    [string] $VaultName,

    [string] $SecretName = 'AutotaskBilling',

    [hashtable] $Notification,

    [switch] $AcceptPartialFile,

    [switch] $Sandbox
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'

$exitSuccess = 0
$exitFailed = 1
$exitNeedsReview = 2


$failures = New-Object -TypeName System.Collections.Generic.List[string]
$reviews = New-Object -TypeName System.Collections.Generic.List[string]
$lines = @()
$differences = @()
$results = @()
$syncOutput = @()
$reportPath = $null
$connectedHere = $false

function Add-Problem {
    param(
        [System.Collections.Generic.List[string]] $List,
        [string] $Message
    )
    $List.Add($Message)
    Write-Warning -Message $Message
}

try {
    # The module's own import lines are not the run's story: keep them out of -Verbose.
    $bundledManifest = Join-Path -Path (Split-Path -Path $PSScriptRoot -Parent) -ChildPath 'Autotask.Billing.psd1'
    if (Get-Module -Name Autotask.Billing) {
        Write-Verbose -Message 'Using the Autotask.Billing module already imported.'
    }
    elseif (Test-Path -LiteralPath $bundledManifest) {
        Import-Module -Name $bundledManifest -Verbose:$false
    }
    else {
        Import-Module -Name Autotask.Billing -Verbose:$false
    }

    # A caller's own connection (a sandbox one for -Sandbox) is used as it is and left connected; the script ends
    # only a connection it made.
    $callerConnection = $null
    try {
        $callerConnection = Get-AtBillingConnection
    }
    catch {
        Write-Verbose -Message 'This session has no connection yet.'
    }
    $useCallerConnection = $callerConnection -and -not $VaultName -and (-not $Sandbox -or $callerConnection.IsSandbox)
    if ($callerConnection -and -not $useCallerConnection) {
        Write-Warning -Message "This session's connection to $($callerConnection.ZoneUri) is replaced by the one this run needs."
    }
    if (-not $useCallerConnection) {
        $connectParameters = @{}
        if ($Sandbox) {
            $connectParameters['Sandbox'] = $true
        }
        elseif ($VaultName) {
            $connectParameters['Vault'] = $VaultName
            $connectParameters['SecretName'] = $SecretName
        }
        Connect-AtBilling @connectParameters
        $connectedHere = $true
    }
    Write-Verbose -Message "Connected to Autotask database $((Get-AtBillingConnection).DatabaseId)."

    $stateParameters = @{}
    if ($StatePath) {
        $stateParameters['StatePath'] = $StatePath
    }

    $readParameters = @{
        Path          = $ExportPath
        Month         = $Month
        ErrorAction   = 'SilentlyContinue'
        ErrorVariable = 'readErrors'
    }
    if ($Format) {
        $readParameters['Format'] = $Format
    }
    $lines = @(Get-AtTransaction @readParameters)
    foreach ($readError in @($readErrors)) {
        Add-Problem -List $failures -Message "Export: $($readError.Exception.Message)"
    }
    Write-Verbose -Message "Read $($lines.Count) billing lines for $Month."
    if ($lines.Count -eq 0) {
        throw "No billing lines for $Month in $($ExportPath -join ', ')."
    }

    # A file with unreadable lines stops Compare-AtContract (BillingFileRejected) unless -AcceptPartialFile is given.
    $differences = @($lines | Compare-AtContract @stateParameters -AcceptPartialFile:$AcceptPartialFile -ErrorAction SilentlyContinue -ErrorVariable compareErrors)
    foreach ($compareError in @($compareErrors)) {
        Add-Problem -List $failures -Message "Compare: $($compareError.Exception.Message)"
    }
    # What sync cannot act on (unmapped customers and SKUs, expired contracts, currency mismatches) waits for a person.
    # One warning per kind and customer, not one per customer × SKU: the report lists every line.
    $waiting = $differences | Where-Object -FilterScript { -not $_.IsActionable -and [string]$_.Kind -ne 'Match' } |
        Group-Object -Property Kind, CustomerName
    foreach ($group in $waiting) {
        $first = $group.Group[0]
        $skus = ($group.Group | ForEach-Object -MemberName Sku | Sort-Object -Unique) -join ', '
        Add-Problem -List $reviews -Message "$($first.Kind): $($first.CustomerName) ($($group.Count) SKUs: $skus) waits for a person. $($first.Reason)"
    }
    Write-Verbose -Message "Found $($differences.Count) differences."

    # Sync asks about every write (ConfirmImpact High): -Confirm:$false approves them, but never -Force, so
    # changes past the guardrails are held back for a person. Differences sync cannot act on are left out by it.
    $syncOutput = @($differences | Sync-AtContract @stateParameters -Confirm:$false -Summary -ErrorAction SilentlyContinue -ErrorVariable syncErrors)
    $results = @($syncOutput | Where-Object -FilterScript { $_.PSObject.TypeNames -contains 'Autotask.Billing.SyncResult' })
    $runSummary = $syncOutput | Where-Object -FilterScript { $_.PSObject.TypeNames -contains 'Autotask.Billing.SyncRunSummary' } | Select-Object -First 1
    foreach ($syncError in @($syncErrors)) {
        # A failed write also comes back as a result with status Failed, reported below.
        if ($syncError.FullyQualifiedErrorId -notlike 'SyncOperationFailed,*') {
            Add-Problem -List $failures -Message "Sync: $($syncError.Exception.Message)"
        }
    }
    foreach ($result in $results | Where-Object -FilterScript { [string]$_.Status -eq 'Failed' -or [string]$_.Status -eq 'NotRun' }) {
        Add-Problem -List $failures -Message "$($result.Status) $($result.Target): $($result.Reason)"
    }
    # Held-back writes, one warning per reason and customer.
    $heldBack = $results | Where-Object -FilterScript { [string]$_.Status -eq 'Skipped' -and [string]$_.ReasonCode -ne 'AlreadyInStep' } |
        Group-Object -Property ReasonCode, CustomerName
    foreach ($group in $heldBack) {
        $first = $group.Group[0]
        Add-Problem -List $reviews -Message "$($first.ReasonCode): $($first.CustomerName), $($group.Count) writes held back. $($first.Reason)"
    }
    if (-not $runSummary) {
        Add-Problem -List $failures -Message 'Sync-AtContract returned no run summary.'
    }
    elseif ($runSummary.ExitCode -eq $exitNeedsReview -and $reviews.Count -eq 0) {
        Add-Problem -List $reviews -Message "The sync run needs review: $runSummary"
    }
    if ($runSummary -and $runSummary.ExitCode -eq $exitFailed -and $failures.Count -eq 0) {
        Add-Problem -List $failures -Message 'The sync stopped before it finished (cancelled, or the API budget ran out); run it again to finish.'
    }
    Write-Verbose -Message "Applied $(@($results | Where-Object -FilterScript { [string]$_.Status -eq 'Applied' }).Count) of $($results.Count) operations."

    if (-not $ReportFolder) {
        $firstExport = Resolve-Path -Path $ExportPath[0] | Select-Object -First 1
        $ReportFolder = Split-Path -Path $firstExport.ProviderPath -Parent
    }
    $reportPath = Join-Path -Path $ReportFolder -ChildPath "billing-$Month.html"
    # A re-run of the same month replaces its report.
    @($differences) + @($syncOutput) | Export-AtBillingReport -Path $reportPath -Title "Billing reconciliation $Month" -Force -Confirm:$false
    Write-Verbose -Message "Report: $reportPath"
}
catch {
    Add-Problem -List $failures -Message "The run stopped: $($_.Exception.Message)"
}

if ($Notification) {
    try {
        # Sends only when something failed or needs review, unless the caller's parameters say otherwise (-Only).
        @($differences) + @($syncOutput) | Send-AtBillingNotification @Notification -Confirm:$false -ErrorAction Stop
    }
    catch {
        Add-Problem -List $failures -Message "Notification: $($_.Exception.Message)"
    }
}

if ($connectedHere -and -not $callerConnection) {
    Disconnect-AtBilling
}


$exitCode = $exitSuccess
if ($failures.Count -gt 0) {
    $exitCode = $exitFailed
}
elseif ($reviews.Count -gt 0) {
    $exitCode = $exitNeedsReview
}

[pscustomobject]@{
    Month       = $Month
    Lines       = $lines.Count
    Differences = $differences.Count
    Applied     = @($results | Where-Object -FilterScript { [string]$_.Status -eq 'Applied' }).Count
    Failures    = $failures.Count
    NeedsReview = $reviews.Count
    ReportPath  = $reportPath
    ExitCode    = $exitCode
}
exit $exitCode
