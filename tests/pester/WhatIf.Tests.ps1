#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# -WhatIf on every writing cmdlet leaves the sandbox, the mapping store, the journal and the file system as they were.

BeforeAll {
    Import-Module -Name (Join-Path -Path $PSScriptRoot -ChildPath 'TestHelpers.psm1') -Force
    Import-BuiltModule
    $script:export = Join-Path -Path (Get-Module -Name Autotask.Billing).ModuleBase -ChildPath 'Samples/demo-export.csv'
    $script:products = Join-Path -Path (Get-Module -Name Autotask.Billing).ModuleBase -ChildPath 'Samples/demo-products.csv'
    $script:quotes = Join-Path -Path (Get-Module -Name Autotask.Billing).ModuleBase -ChildPath 'Samples/demo-quotes.csv'
    $script:customers = Join-Path -Path (Get-Module -Name Autotask.Billing).ModuleBase -ChildPath 'Samples/demo-customers.csv'

    function Get-WorldState {
        param([string] $StatePath)
        $contracts = Get-AtContract -IncludeInactive | Get-AtContractService -AsOf 2026-11-30 -IncludeInactive |
            Sort-Object -Property ContractServiceId |
            ForEach-Object { '{0}:{1}:{2}:{3}' -f $_.ContractServiceId, $_.Units, $_.UnitPrice, $_.UnitCost }
        $files = Get-ChildItem -LiteralPath $StatePath -Recurse -File |
            ForEach-Object { '{0}:{1}' -f $_.FullName, (Get-FileHash -LiteralPath $_.FullName).Hash }
        $companies = @(Get-AtContract -IncludeInactive -AllTypes).Count
        $catalog = @(Get-AtServiceMapping -StatePath $StatePath | ForEach-Object { '{0}:{1}' -f $_.Sku, $_.ProductId })
        $people = @(Get-AtCompany -IncludeInactive | Get-AtContact -IncludeInactive | ForEach-Object { '{0}:{1}:{2}' -f $_.ContactId, $_.Phone, $_.Title })
        ($contracts + $files + "companies:$companies" + "crm:$(@(Get-AtCompany -IncludeInactive).Count)" + $people + $catalog) -join "`n"
    }

    # One call per writing cmdlet, with arguments that would change something without -WhatIf.
    $script:writers = [ordered]@{
        'New-AtContractMapping'      = { param($s) Get-AtTransaction -Path $script:export -Month 2026-10 | New-AtContractMapping -Auto -StatePath $s -WhatIf }
        'Set-AtContractMapping'      = { param($s) Get-AtContractMapping -StatePath $s | Set-AtContractMapping -Export $false -CreateContract -StatePath $s -WhatIf }
        'Remove-AtContractMapping'   = { param($s) Get-AtContractMapping -StatePath $s | Remove-AtContractMapping -StatePath $s -WhatIf }
        'New-AtServiceMapping'       = { param($s) Get-AtTransaction -Path $script:export -Month 2026-10 | New-AtServiceMapping -Auto -StatePath $s -WhatIf }
        'Set-AtServiceMapping'       = { param($s) Set-AtServiceMapping -Source Generic -Sku 'CFQ7TTC0RM8K' -Excluded -StatePath $s -WhatIf }
        'Remove-AtServiceMapping'    = { param($s) Get-AtServiceMapping -StatePath $s | Remove-AtServiceMapping -StatePath $s -WhatIf }
        'Set-AtBillingSetting'       = { param($s) Set-AtBillingSetting -ServiceNameTemplate 'PC_{Sku}' -StatePath $s -WhatIf }
        'Sync-AtContract'            = { param($s) Get-AtTransaction -Path $script:export -Month 2026-10 | Compare-AtContract -StatePath $s | Sync-AtContract -StatePath $s -Force -WhatIf }
        'Export-AtBillingReport'     = { param($s) Get-AtTransaction -Path $script:export -Month 2026-10 | Compare-AtContract -StatePath $s | Export-AtBillingReport -Path (Join-Path -Path $s -ChildPath 'report.html') -WhatIf }
        'Send-AtBillingNotification' = { param($s) Get-AtTransaction -Path $script:export -Month 2026-10 | Compare-AtContract -StatePath $s | Send-AtBillingNotification -WebhookUri 'http://127.0.0.1:9/hook' -Only Always -WhatIf }
        'Start-AtBillingSandbox'     = { param($s) Start-AtBillingSandbox -Path (Join-Path -Path $s -ChildPath 'sandbox.json') -WhatIf }
        'Stop-AtBillingSandbox'      = { Stop-AtBillingSandbox -WhatIf }
        'Sync-AtCompany'             = { param($s) Get-AtCustomer -Path $script:customers | Sync-AtCompany -DefaultPhone '555-555-5555' -StatePath $s -WhatIf }
        'Sync-AtProduct'             = { param($s) Sync-AtProduct -Path $script:products -DefaultCategory 'Hardware' -SyncPrices -StatePath $s -WhatIf }
        'Sync-AtQuote'               = { param($s) Sync-AtQuote -Path $script:quotes -SalesRep @{ jsmith = 'alex.morgan' } -StatePath $s -WhatIf }
        'Sync-AtPendingChange'       = { param($s) Get-AtTransaction -Path $script:export -Month 2026-10 | Compare-AtContract -StatePath $s | Sync-AtPendingChange -Product (Import-Csv -LiteralPath $script:products) -Customer (Get-AtCustomer -Path $script:customers) -DefaultPhone '555-555-5555' -DefaultCategory 'Hardware' -StatePath $s -Force -WhatIf }
        'Export-AtCustomer'          = { param($s) Get-AtCompany | Export-AtCustomer -Source ChannelOnline -Path (Join-Path -Path $s -ChildPath 'report.html') -StatePath $s -WhatIf }
    }
}

AfterAll {
    Disconnect-AtBilling
    Get-Module -Name Autotask.Billing | Remove-Module -Force
}

Describe '-WhatIf writes nothing' {
    BeforeAll {
        Connect-AtBilling -Sandbox
        $script:state = New-TestStatePath
        # Mappings exist first, so that Remove-*, Compare and Sync have something to act on.
        $lines = Get-AtTransaction -Path $script:export -Month 2026-10
        $null = $lines | New-AtContractMapping -Auto -StatePath $script:state
        $null = $lines | New-AtServiceMapping -Auto -StatePath $script:state
        $script:served = Start-AtBillingSandbox
    }

    AfterAll {
        $script:served | Stop-AtBillingSandbox -Confirm:$false
    }

    It 'covers every cmdlet that supports -WhatIf' {
        $writing = Get-Command -Module Autotask.Billing -CommandType Cmdlet | Where-Object { $_.Parameters.ContainsKey('WhatIf') } | ForEach-Object Name
        ($writing | Sort-Object) | Should -Be ($script:writers.Keys | Sort-Object)
    }

    It '<_> -WhatIf leaves Autotask, the store, the journal and the files unchanged' -ForEach @(
        'New-AtContractMapping', 'Set-AtContractMapping', 'Remove-AtContractMapping', 'New-AtServiceMapping', 'Set-AtServiceMapping',
        'Remove-AtServiceMapping', 'Set-AtBillingSetting', 'Sync-AtContract', 'Export-AtBillingReport', 'Send-AtBillingNotification',
        'Start-AtBillingSandbox', 'Stop-AtBillingSandbox', 'Sync-AtCompany', 'Export-AtCustomer', 'Sync-AtProduct', 'Sync-AtQuote',
        'Sync-AtPendingChange'
    ) {
        $before = Get-WorldState -StatePath $script:state
        $null = & $script:writers[$_] $script:state
        Get-WorldState -StatePath $script:state | Should -Be $before
        Test-Path -LiteralPath (Join-Path -Path $script:state -ChildPath 'journal') | Should -BeFalse
        Test-Path -LiteralPath (Join-Path -Path $script:state -ChildPath 'report.html') | Should -BeFalse
        Test-Path -LiteralPath (Join-Path -Path $script:state -ChildPath 'sandbox.json') | Should -BeFalse
        Invoke-RestMethod -Uri "$($script:served.Uri)V1.0/ZoneInformation?user=$($script:served.Credential.UserName)" | Should -Not -BeNullOrEmpty
    }
}
