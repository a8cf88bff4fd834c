@{
    RootModule           = 'Autotask.Billing.psm1'
    # Stamped from Directory.Build.props <Version> by the build; the copy in out/ carries the real number.
    ModuleVersion        = '0.0.0'
    GUID                 = '5b0f3c1e-7d42-4c8e-9a57-2f6c4b1d9e83'
    Author               = 'Autotask.Billing contributors'
    CompanyName          = 'Autotask.Billing'
    Copyright            = '(c) 2026 Autotask.Billing contributors. MIT License.'
    Description          = 'Keeps Autotask PSA recurring-service contracts in step with what cloud vendors and distributors bill: read vendor exports, compare them with Autotask contracts, and apply the differences safely.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess     = @('Autotask.Billing.Format.ps1xml')
    FunctionsToExport    = @()
    CmdletsToExport      = @(
        'Compare-AtContract'
        'Connect-AtBilling'
        'Disconnect-AtBilling'
        'Export-AtBillingReport'
        'Export-AtCustomer'
        'Get-AtBillingConnection'
        'Get-AtBillingSetting'
        'Get-AtCompany'
        'Get-AtContact'
        'Get-AtContract'
        'Get-AtContractMapping'
        'Get-AtContractService'
        'Get-AtCustomer'
        'Get-AtPendingChange'
        'Get-AtServiceMapping'
        'Get-AtSyncHistory'
        'Get-AtTransaction'
        'New-AtContractMapping'
        'New-AtServiceMapping'
        'Remove-AtContractMapping'
        'Remove-AtServiceMapping'
        'Send-AtBillingNotification'
        'Set-AtBillingSetting'
        'Set-AtContractMapping'
        'Set-AtServiceMapping'
        'Start-AtBillingSandbox'
        'Stop-AtBillingSandbox'
        'Sync-AtCompany'
        'Sync-AtContract'
        'Sync-AtPendingChange'
        'Sync-AtProduct'
        'Sync-AtQuote'
    )
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('Autotask', 'PSA', 'Billing', 'MSP', 'Reconciliation', 'Contracts', 'PartnerCenter', 'Pax8', 'Intermedia', 'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/autotask-billing/Autotask.Billing'
            LicenseUri   = 'https://github.com/autotask-billing/Autotask.Billing/blob/main/LICENSE'
            ReleaseNotes = 'First release: Autotask REST client with zone discovery, throttling and retries; embedded sandbox; Connect-AtBilling and the contract read cmdlets.'
        }
    }
}
