#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# Work 365's order and change log: Get-AtPendingChange lists what is not yet in Autotask in push order (products,
# customers, contracts, services, adjustments) and Sync-AtPendingChange pushes it in that order, against the sandbox.

BeforeAll {
    Import-Module -Name (Join-Path -Path $PSScriptRoot -ChildPath 'TestHelpers.psm1') -Force
    Import-BuiltModule
    $script:base = (Get-Module -Name Autotask.Billing).ModuleBase
    $script:export = Join-Path -Path $script:base -ChildPath 'Samples/demo-export.csv'

    function Get-PendingInput {
        @{
            Product         = @(Import-Csv -LiteralPath (Join-Path -Path $script:base -ChildPath 'Samples/demo-products.csv'))
            Customer        = @(Get-AtCustomer -Path (Join-Path -Path $script:base -ChildPath 'Samples/demo-customers.csv'))
            DefaultPhone    = '555-555-5555'
            DefaultCategory = 'Hardware'
            StatePath       = $script:state
        }
    }

    function Get-Difference {
        Get-AtTransaction -Path $script:export -Month 2026-10 | Compare-AtContract -StatePath $script:state
    }
}

AfterAll {
    Disconnect-AtBilling -ErrorAction SilentlyContinue
    Get-Module -Name Autotask.Billing | Remove-Module -Force
}

Describe 'Pending changes listed and pushed in dependency order' {
    BeforeEach {
        Connect-AtBilling -Sandbox
        $script:state = New-TestStatePath
        $null = Set-AtBillingSetting -DefaultAccountManager 'alex.morgan' -MaterialBillingCode 'Hardware' -StatePath $script:state
        $lines = Get-AtTransaction -Path $script:export -Month 2026-10
        $null = $lines | New-AtContractMapping -Auto -StatePath $script:state
        $null = $lines | New-AtServiceMapping -Auto -StatePath $script:state
        $script:in = Get-PendingInput
    }

    AfterEach {
        Remove-Item -LiteralPath $script:state -Recurse -Force -ErrorAction SilentlyContinue
    }

    It 'Get-AtPendingChange numbers the changes products first, then customers, services and adjustments' {
        $in = $script:in
        $pending = @(Get-Difference | Get-AtPendingChange @in)

        $pending.Count | Should -BeGreaterThan 5
        $pending[0].PSObject.TypeNames | Should -Contain 'Autotask.Billing.Crm.PendingChange'
        $pending.Step | Should -Be (1..$pending.Count)
        $stages = $pending | ForEach-Object -Process { [int]$_.Stage }
        $stages | Should -Be ($stages | Sort-Object)
        $pending[0].Stage | Should -Be 'Products'
        $pending.Stage | Should -Contain 'Customers'
        $pending.Stage | Should -Contain 'Adjustments'
        Test-Path -LiteralPath (Join-Path -Path $script:state -ChildPath 'journal') | Should -BeFalse
    }

    It 'the table view fits 80 columns' {
        $in = $script:in
        $lines = (Get-Difference | Get-AtPendingChange @in | Format-Table | Out-String -Width 200) -split "`r?`n"
        ($lines | Measure-Object -Property Length -Maximum).Maximum | Should -BeLessOrEqual 80
        ($lines -join "`n") | Should -Match 'Step Stage'
    }

    It '-WhatIf previews every write in order, stage by stage, and writes nothing' {
        $run = Invoke-FreshPwsh -Script @'
Connect-AtBilling -Sandbox
$base = (Get-Module -Name Autotask.Billing).ModuleBase
$null = Set-AtBillingSetting -DefaultAccountManager 'alex.morgan' -MaterialBillingCode 'Hardware'
$lines = Get-AtTransaction -Path (Join-Path -Path $base -ChildPath 'Samples/demo-export.csv') -Month 2026-10
$null = $lines | New-AtContractMapping -Auto
$null = $lines | New-AtServiceMapping -Auto
$products = Import-Csv -LiteralPath (Join-Path -Path $base -ChildPath 'Samples/demo-products.csv')
$customers = Get-AtCustomer -Path (Join-Path -Path $base -ChildPath 'Samples/demo-customers.csv')
$companies = @(Get-AtCompany -IncludeInactive).Count
$lines | Compare-AtContract | Sync-AtPendingChange -Product $products -Customer $customers -DefaultPhone '555-555-5555' -DefaultCategory 'Hardware' -Force -WhatIf
"companies before $companies after $(@(Get-AtCompany -IncludeInactive).Count); history $(@(Get-AtSyncHistory).Count)"
'@
        try {
            $run.ExitCode | Should -Be 0 -Because $run.Output
            $text = $run.Output -replace '\r?\n', ' '
            $text | Should -Match 'What if: Performing the operation "Products: create product'
            $text.IndexOf('"Products:') | Should -BeLessThan $text.IndexOf('"Customers:')
            $text.IndexOf('"Customers: create company') | Should -BeLessThan $text.IndexOf('"Adjustments:')
            $text | Should -Match 'companies before (\d+) after \1; history 0'
        }
        finally {
            Remove-Item -LiteralPath $run.Home -Recurse -Force -ErrorAction SilentlyContinue
        }
    }

    It 'Sync-AtPendingChange pushes in order and journals it; then nothing is pending and a re-run writes nothing' {
        $in = $script:in
        $output = @(Get-Difference | Sync-AtPendingChange @in -Force -Confirm:$false -Summary)
        $summaries = @($output | Where-Object -FilterScript { $_ -is [Autotask.Billing.SyncRunSummary] })
        $results = @($output | Where-Object -FilterScript { $_ -is [Autotask.Billing.SyncResult] })

        $summaries.Count | Should -Be 3
        ($summaries | Measure-Object -Property Failed -Sum).Sum | Should -Be 0
        $results.Status | Should -Not -Contain 'Failed'
        $results[0].OperationKind | Should -BeIn 'CreateProduct', 'UpdateProduct'
        $summaries | ForEach-Object -Process { Test-Path -LiteralPath $_.JournalPath | Should -BeTrue }

        @(Get-Difference | Get-AtPendingChange @in).Count | Should -Be 0
        @(Get-Difference | Sync-AtPendingChange @in -Force -Confirm:$false).Count | Should -Be 0
        @(Get-AtSyncHistory -StatePath $script:state).Count | Should -Be 3
    }
}
