#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

BeforeAll {
    Import-Module -Name (Join-Path -Path $PSScriptRoot -ChildPath 'TestHelpers.psm1') -Force
    Import-BuiltModule
    $script:export = Join-Path -Path (Get-Module -Name Autotask.Billing).ModuleBase -ChildPath 'Samples/demo-export.csv'
    $script:customerFormula = '=HYPERLINK("http://evil.example/x","Contoso Dental Group")'
    $script:productFormula = '+cmd|'' /C calc''!A0'
    $script:newCustomerFormula = '-2+3+cmd|'' /C notepad''!A0'
    $script:newCustomerId = 'formula-customer-1'
    $script:phone = '+1 555 0100'

    # A cell a spreadsheet would run as a formula: text (not a number) starting with = + - @, a tab or a return.
    function Test-FormulaCell {
        param([string] $Value)
        $number = [decimal]::Zero
        $Value -match '^[=+\-@\t\r]' -and
        -not [decimal]::TryParse($Value, [System.Globalization.NumberStyles]::Float, [System.Globalization.CultureInfo]::InvariantCulture, [ref] $number)
    }

    function ConvertTo-Difference {
        param([psobject] $Row)
        $bag = [System.Collections.Generic.Dictionary[string, object]]::new()
        foreach ($property in $Row.PSObject.Properties) { $bag[$property.Name] = $property.Value }
        [Autotask.Billing.Reconciliation.ContractDifferenceReader]::FromProperties($bag)
    }

}

AfterAll {
    Disconnect-AtBilling
    Get-Module -Name Autotask.Billing | Remove-Module -Force
}

Describe 'The Compare-AtContract review file' {
    BeforeAll {
        Connect-AtBilling -Sandbox
        $script:state = New-TestStatePath
        $lines = @(Get-AtTransaction -Path $script:export -Month 2026-10)
        $lines | New-AtContractMapping -Auto -StatePath $script:state | Out-Null
        $lines | New-AtServiceMapping -Auto -StatePath $script:state | Out-Null
        Set-AtBillingSetting -RecurringBillingCode 'Cloud Services - Recurring' -MaterialBillingCode 'Hardware' -DefaultAccountManager 'alex.morgan' -StatePath $script:state
        $script:source = $lines[0].Source

        # The vendor file: a mapped customer and a product named as formulas, and a new customer whose name is one.
        $rows = @(Import-Csv -LiteralPath $script:export)
        $script:customerId = $rows[0].CustomerId
        $script:sku = $rows[0].Sku
        foreach ($row in $rows) {
            if ($row.CustomerId -eq $script:customerId) { $row.CustomerName = $script:customerFormula }
            if ($row.Sku -eq $script:sku) { $row.ProductName = $script:productFormula }
        }
        $new = $rows[0].PSObject.Copy()
        $new.TransactionId = 'PX8-202610-9001'
        $new.CustomerId = $script:newCustomerId
        $new.CustomerName = $script:newCustomerFormula
        $new.CustomerDomain = ''
        $new.SubscriptionId = 'formula-subscription-1'
        $new.Quantity = '3'
        $script:vendorFile = Join-Path -Path $TestDrive -ChildPath 'formula-export.csv'
        @($rows) + $new | Export-Csv -LiteralPath $script:vendorFile -NoTypeInformation
        New-AtContractMapping -Source $script:source -CustomerId $script:newCustomerId -CreateCompany -Phone $script:phone -StatePath $script:state | Out-Null

        $script:differences = @(Compare-AtContract -Path $script:vendorFile -Month 2026-10 -StatePath $script:state)
        $script:review = Join-Path -Path $TestDrive -ChildPath 'review.csv'
        $script:differences | Export-Csv -LiteralPath $script:review -NoTypeInformation
    }

    It 'has no cell a spreadsheet would run as a formula' {
        $script:differences | Where-Object CustomerId -EQ $script:customerId | Should -Not -BeNullOrEmpty
        $script:differences | Where-Object CustomerId -EQ $script:newCustomerId | Should -Not -BeNullOrEmpty
        $cells = foreach ($row in Import-Csv -LiteralPath $script:review) {
            foreach ($property in $row.PSObject.Properties) { [string] $property.Value }
        }
        $cells | Where-Object { Test-FormulaCell -Value $_ } | Should -BeNullOrEmpty
        $cells | Should -Contain ("'" + $script:customerFormula)
        $cells | Should -Contain ("'" + $script:productFormula)
        $cells | Should -Contain ("'" + $script:phone)
    }

    It 'reads back to the same customer, money and SKU, and to the vendor''s own text' {
        $back = @{}
        foreach ($row in Import-Csv -LiteralPath $script:review) { $back[$row.DifferenceId] = ConvertTo-Difference -Row $row }
        $back.Count | Should -Be $script:differences.Count
        foreach ($live in $script:differences) {
            $rebuilt = $back[$live.DifferenceId]
            foreach ($name in 'CustomerId', 'CustomerName', 'CustomerPhone', 'Sku', 'ProductName', 'VendorQuantity', 'VendorUnitPrice', 'TargetUnitPrice', 'MonthlyRevenueImpact', 'MonthlyCostImpact', 'OneTimeRevenueImpact') {
                $rebuilt.$name | Should -Be $live.$name -Because "$name of $($live.DifferenceId)"
            }
        }
        $contoso = @($back.Values | Where-Object CustomerId -EQ $script:customerId)[0]
        [Autotask.Billing.Reconciliation.ContractDifferenceReader]::Restored($contoso).CustomerName | Should -Be $script:customerFormula
        $product = @($back.Values | Where-Object { $_.Sku -eq $script:sku -and $_.ProductName })[0]
        [Autotask.Billing.Reconciliation.ContractDifferenceReader]::Restored($product).ProductName | Should -Be $script:productFormula
    }

    It 'plans the same sync from Import-Csv as from the live differences' {
        $live = $script:differences | Sync-AtContract -StatePath $script:state -Force -WhatIf -Summary 6> $null
        $back = Import-Csv -LiteralPath $script:review | Sync-AtContract -StatePath $script:state -Force -WhatIf -Summary -ErrorAction Stop 6> $null
        $live.Total | Should -BeGreaterThan 0
        foreach ($name in 'Total', 'Skipped', 'NeedsAttention', 'Unresolved', 'Failed') {
            $back.$name | Should -Be $live.$name -Because $name
        }
    }
}
