#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# Issue 10 item 13: a vendor file's slash dates are read in one declared day/month order (-Culture), or rejected;
# and absent customers follow -AbsentCustomerPolicy.
BeforeAll {
    Import-Module -Name (Join-Path -Path $PSScriptRoot -ChildPath 'TestHelpers.psm1') -Force
    Import-BuiltModule
    $script:folder = New-TestStatePath
    $script:ukFile = Join-Path -Path $script:folder -ChildPath 'uk-vendor.csv'
    Set-Content -LiteralPath $script:ukFile -Encoding utf8 -Value @(
        'TransactionId,CustomerId,Sku,ChargeType,Quantity,UnitPrice,Currency,ServiceStart,ServiceEnd'
        'T1,C1,SKU1,Recurring,3,10.00,GBP,08/10/2026,07/11/2026'
        'T2,C2,SKU2,Recurring,1,5.00,GBP,25/10/2026,24/11/2026'
    )
    Connect-AtBilling -Sandbox
}

AfterAll {
    Disconnect-AtBilling -ErrorAction SilentlyContinue
    Remove-Item -LiteralPath $script:folder -Recurse -Force -ErrorAction SilentlyContinue
    Get-Module -Name Autotask.Billing | Remove-Module -Force
}

Describe 'Get-AtTransaction -Culture' {
    It 'rejects a date that reads both ways without a culture, naming the culture to declare' {
        # Without a culture the file is refused whole; -AcceptPartialFile keeps the other customer's line.
        { Get-AtTransaction -Path $script:ukFile -Since 2026-01-01 -Until 2026-12-31 -ErrorAction SilentlyContinue } | Should -Throw -ErrorId 'BillingFileRejected,*'
        $lines = @(Get-AtTransaction -Path $script:ukFile -Since 2026-01-01 -Until 2026-12-31 -AcceptPartialFile -ErrorVariable problems -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)
        $lines.TransactionId | Should -Be @('T2')
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'BillingLineRejected,*'
        $problems[0].Exception.Message | Should -BeLike '*uk-vendor.csv:2:8*08/10/2026*-Culture en-GB*'
    }

    It 'reads day-first with -Culture en-GB and month-first with -Culture en-US' {
        $gb = @(Get-AtTransaction -Path $script:ukFile -Culture en-GB -Since 2026-01-01 -Until 2026-12-31 -ErrorAction Stop)
        $gb[0].ServiceStart | Should -Be ([datetime]'2026-10-08')
        $gb[1].ServiceStart | Should -Be ([datetime]'2026-10-25')
        $us = @(Get-AtTransaction -Path $script:ukFile -Culture en-US -Since 2026-01-01 -Until 2026-12-31 -AcceptPartialFile -ErrorVariable problems -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)
        $us[0].ServiceStart | Should -Be ([datetime]'2026-08-10')
        $problems.Count | Should -Be 1
    }

    It 'refuses a culture that is not one' {
        { Get-AtTransaction -Path $script:ukFile -Culture 'not a culture!' -ErrorAction Stop } | Should -Throw '*not a culture name*'
    }
}

Describe 'Compare-AtContract -Path -Culture' {
    It 'stops on the ambiguous dates without a culture and compares the whole file with one' {
        $state = New-TestStatePath
        { Compare-AtContract -Path $script:ukFile -Since 2026-01-01 -Until 2026-12-31 -StatePath $state -ErrorAction SilentlyContinue } |
            Should -Throw -ErrorId 'BillingFileRejected,Autotask.Billing.Commands.CompareAtContractCommand'
        $differences = @(Compare-AtContract -Path $script:ukFile -Culture en-GB -Since 2026-01-01 -Until 2026-12-31 -StatePath $state -ErrorAction Stop)
        $differences.Sku | Should -Contain 'SKU1'
        $differences.Sku | Should -Contain 'SKU2'
    }
}

Describe 'Compare-AtContract -AbsentCustomerPolicy' {
    BeforeAll {
        $export = Join-Path -Path (Get-Module -Name Autotask.Billing).ModuleBase -ChildPath 'Samples/demo-export.csv'
        $script:state = New-TestStatePath
        Connect-AtBilling -Sandbox
        $lines = @(Get-AtTransaction -Path $export -Month 2026-10)
        $null = $lines | New-AtContractMapping -Auto -StatePath $script:state
        $null = $lines | New-AtServiceMapping -Auto -StatePath $script:state
        $script:oneCustomer = @($lines | Where-Object -FilterScript { $_.CustomerName -eq $lines[0].CustomerName })
    }

    It 'reports the services of a mapped customer missing from the bill, and zeroes them only with AdjustToZero' {
        $reported = @($script:oneCustomer | Compare-AtContract -StatePath $script:state | Where-Object -FilterScript { $_.Rule -like 'AbsentCustomerPolicy=*' })
        $reported.Count | Should -BeGreaterThan 0
        $reported.IsActionable | Should -Not -Contain $true
        $reported[0].Rule | Should -Be 'AbsentCustomerPolicy=ReportOnly'

        $adjusted = @($script:oneCustomer | Compare-AtContract -StatePath $script:state -AbsentCustomerPolicy AdjustToZero | Where-Object -FilterScript { $_.Rule -like 'AbsentCustomerPolicy=*' })
        $adjusted.Count | Should -Be $reported.Count
        $adjusted.IsActionable | Should -Not -Contain $false
        $adjusted[0].Rule | Should -Be 'AbsentCustomerPolicy=AdjustToZero'
    }
}
