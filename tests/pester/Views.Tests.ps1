#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# Every default table view read in an 80-column console: every column there, nothing cut that matters.
BeforeAll {
    Import-Module -Name (Join-Path -Path $PSScriptRoot -ChildPath 'TestHelpers.psm1') -Force
    Import-BuiltModule
    $script:state = New-TestStatePath
    $export = Join-Path -Path (Get-Module -Name Autotask.Billing).ModuleBase -ChildPath 'Samples/demo-export.csv'
    Connect-AtBilling -Sandbox
    $script:lines = @(Get-AtTransaction -Path $export -Month 2026-10)
    $script:customerProposals = @($script:lines | New-AtContractMapping -Auto -StatePath $script:state)
    $script:skuProposals = @($script:lines | New-AtServiceMapping -Auto -StatePath $script:state)
    $script:differences = @($script:lines | Compare-AtContract -StatePath $script:state)
    $script:results = @($script:differences | Sync-AtContract -StatePath $script:state -Confirm:$false -Force -WarningAction SilentlyContinue)

    function Show-At80 {
        param([object[]]$InputObject)
        $text = $InputObject | Format-Table | Out-String -Width 80
        $text -split "`r?`n" | Where-Object -FilterScript { $_.Trim() }
    }

    function Get-HeaderLine {
        param([string[]]$Lines)
        $dashes = [array]::FindIndex($Lines, [Predicate[string]] { param($line) $line -match '^-+( +-+)*\s*$' })
        $Lines[$dashes - 1]
    }
}

AfterAll {
    Disconnect-AtBilling
    Remove-Item -LiteralPath $script:state -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Default views at 80 columns' {
    It '<Name> keeps every column on one header line within 80 columns' -ForEach @(
        @{ Name = 'Transaction'; Get = { $script:lines }; Labels = 'Customer', 'Sku', 'Type', 'Qty', 'UnitPrice', 'Start' }
        @{ Name = 'MatchProposal'; Get = { $script:customerProposals }; Labels = 'Customer', 'Company', 'CompanyId', 'Match', 'Rule', 'Accepted' }
        @{ Name = 'SkuMatchProposal'; Get = { $script:skuProposals }; Labels = 'Sku', 'Name', 'Kind', 'Match', 'Rule', 'Accepted' }
        @{ Name = 'CustomerMapping'; Get = { Get-AtContractMapping -StatePath $script:state }; Labels = 'Source', 'Customer', 'CustomerId', 'Company', 'Contract', 'Export' }
        @{ Name = 'ServiceMapping'; Get = { Get-AtServiceMapping -StatePath $script:state }; Labels = 'Source', 'Sku', 'Action', 'ServiceId', 'ProductId', 'Excluded' }
        @{ Name = 'ContractDifference'; Get = { $script:differences }; Labels = 'Customer', 'Sku', 'Kind', 'Change', 'Impact', 'Force' }
        @{ Name = 'AutotaskContract'; Get = { Get-AtContract }; Labels = 'ContractId', 'Contract', 'Company', 'Status', 'Start', 'End' }
        @{ Name = 'AutotaskContractService'; Get = { Get-AtContractService }; Labels = 'Company', 'Service', 'Sku', 'Units', 'UnitPrice', 'Monthly' }
        @{ Name = 'SyncResult'; Get = { $script:results }; Labels = 'Status', 'Subject', 'Item', 'AutotaskId', 'Reason' }
        @{ Name = 'SyncRunRecord'; Get = { Get-AtSyncHistory -StatePath $script:state }; Labels = 'RunId', 'Started', 'By', 'Applied', 'Failed', 'Done' }
    ) {
        $objects = @(& $Get)
        $objects.Count | Should -BeGreaterThan 0
        $lines = @(Show-At80 -InputObject $objects)

        $lines | ForEach-Object -Process { $_.TrimEnd().Length | Should -BeLessOrEqual 80 }
        $header = Get-HeaderLine -Lines $lines
        @($header -split '\s+' | Where-Object -FilterScript { $_ }) | Should -Be $Labels
    }

    It 'shows the whole units figure and the money with its currency' {
        $lines = Show-At80 -InputObject ($script:lines | Where-Object -FilterScript { $_.Quantity -ge 10 } | Select-Object -First 1)
        $lines[-1] | Should -Match '\b1\d\b'
        $lines[-1] | Should -Match '\d+\.\d\d USD'
        (Show-At80 -InputObject (Get-AtContractService | Where-Object -FilterScript { $_.Units -ge 10 } | Select-Object -First 1))[-1] | Should -Match ' 1\d +\d'
    }

    It 'leaves Monthly blank for a service whose money per month is unknown (a tenant''s own period type)' {
        $service = Get-AtContractService | Where-Object -FilterScript { $_.Units -ge 10 } | Select-Object -First 1
        $unknown = [pscustomobject]@{
            PSTypeName = 'Autotask.Billing.AutotaskContractService'
            CompanyName = $service.CompanyName; ServiceName = 'Backup, two years'; Sku = 'BACKUP-2Y'; Units = 10
            UnitPrice = [decimal]240; MonthlyRevenue = $null
        }
        $rows = @(Show-At80 -InputObject @($service, $unknown))
        $rows[-2] | Should -Match ([regex]::Escape(('{0:N2}' -f $service.MonthlyRevenue)) + '\s*$')
        $rows[-1] | Should -Match '\b240\.00\s*$'
    }

    It 'shows what changed for a price change: the price before and after, not the unchanged units' {
        $priceChange = $script:differences | Where-Object -FilterScript { [string]$_.Kind -eq 'PriceChange' } | Select-Object -First 1
        $priceChange | Should -Not -BeNullOrEmpty
        $row = (Show-At80 -InputObject $priceChange)[-1]
        $row | Should -Match ([regex]::Escape(('{0:N2} → {1:N2}' -f $priceChange.AutotaskUnitPrice, $priceChange.TargetUnitPrice)))
    }

    It 'shows sync results with their reason and the Autotask id they produced' {
        $applied = $script:results | Where-Object -FilterScript { $null -ne $_.AutotaskId } | Select-Object -First 1
        $applied | Should -Not -BeNullOrEmpty
        (Show-At80 -InputObject $applied) -join "`n" | Should -Match "\b$($applied.AutotaskId)\b"
        (Show-At80 -InputObject $applied) -join ' ' | Should -Match ([regex]::Escape($applied.Action.Substring(0, 12)))
    }
}
