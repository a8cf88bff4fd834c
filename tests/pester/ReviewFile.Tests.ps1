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

    # Every cell of an exported CSV file, as text.
    function Get-CsvCell {
        param([string] $Path)
        foreach ($row in Import-Csv -LiteralPath $Path) {
            foreach ($property in $row.PSObject.Properties) { [string] $property.Value }
        }
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
        $cells = @(Get-CsvCell -Path $script:review)
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

Describe 'The mapping review files (Get-AtContractMapping and Get-AtServiceMapping | Export-Csv)' {
    BeforeEach {
        Connect-AtBilling -Sandbox
        $script:mappingState = New-TestStatePath
        $script:store = Join-Path -Path $script:mappingState -ChildPath 'mappings.json'
        $script:csv = Join-Path -Path $script:mappingState -ChildPath 'mappings.csv'

        # Vendor names that start as a formula does (= + - @), and text that only looks guarded.
        $script:vendorNames = [ordered]@{
            'formula-eq'    = '=cmd|'' /C calc''!A0'
            'formula-plus'  = '+1+cmd|'' /C calc''!A0'
            '-4201'         = '-2+3+cmd|'' /C notepad''!A0'
            '@formula-at'   = '@SUM(1+1)*cmd|'' /C calc''!A0'
            'formula-quote' = '''=HYPERLINK("http://evil.example/x","Contoso")'
        }
        foreach ($id in $script:vendorNames.Keys) {
            New-AtContractMapping -Source Generic -CustomerId $id -CustomerName $script:vendorNames[$id] -CreateCompany -Phone '+1 555 0100' -Notes '=SUM(A1:A9)' -StatePath $script:store |
                Out-Null
        }
        # New-AtContractMapping takes the guard off what it binds, so text that only looks guarded is set as typed.
        Set-AtContractMapping -Source Generic -CustomerId 'formula-quote' -CustomerName $script:vendorNames['formula-quote'] -StatePath $script:store
        # A tab and a return before the name, as billing lines bring them into -Auto (which finds the company by name).
        $script:proposals = @(
            @(
                [pscustomobject]@{ Source = 'Generic'; CustomerId = 'formula-tab'; CustomerName = "`tContoso Dental Group" }
                [pscustomobject]@{ Source = 'Generic'; CustomerId = 'formula-cr'; CustomerName = "`r=Contoso Dental Group" }
            ) | New-AtContractMapping -Auto -StatePath $script:store)

        $script:skus = '=SKU()', '+SKU-1', '-SKU-2', '@SKU-3'
        New-AtServiceMapping -Source Generic -Sku $script:skus[0] -Create -NameTemplate '=PC_{Sku}' -Notes '+1' -StatePath $script:store | Out-Null
        New-AtServiceMapping -Source Generic -Sku $script:skus[1] -Excluded -Notes '-negotiated' -StatePath $script:store | Out-Null
        New-AtServiceMapping -Source Generic -Sku $script:skus[2] -Create -StatePath $script:store | Out-Null
        New-AtServiceMapping -Source Generic -Sku $script:skus[3] -Excluded -Notes "`tdropped" -StatePath $script:store | Out-Null

        function Get-StoredMapping {
            param([ValidateSet('Customers', 'Services')] [string] $Kind)
            [Autotask.Billing.Mapping.MappingStore]::Read($script:store).$Kind
        }

        # The stored text of every mapping, to compare before and after a round trip.
        function Get-StoredText {
            param([ValidateSet('Customers', 'Services')] [string] $Kind)
            foreach ($mapping in Get-StoredMapping -Kind $Kind) {
                $text = foreach ($property in $mapping.PSObject.Properties) {
                    if ($property.TypeNameOfValue -eq 'System.String') { '{0}={1}' -f $property.Name, $property.Value }
                }
                $text -join "`u{1F}"
            }
        }
    }

    AfterEach {
        Remove-Item -LiteralPath $script:mappingState -Recurse -Force -ErrorAction SilentlyContinue
    }

    It 'stores the vendor''s text, trimmed as every way into the store trims it' {
        $customers = @(Get-StoredMapping -Kind Customers)
        $customers.Count | Should -Be 7
        foreach ($id in $script:vendorNames.Keys) {
            ($customers | Where-Object CustomerId -EQ $id).CustomerName | Should -BeExactly $script:vendorNames[$id]
        }
        ($customers | Where-Object CustomerId -EQ 'formula-tab').CustomerName | Should -BeExactly 'Contoso Dental Group'
        ($customers | Where-Object CustomerId -EQ 'formula-cr').CustomerName | Should -BeExactly '=Contoso Dental Group'
        @(Get-StoredMapping -Kind Services).Count | Should -Be 4
    }

    It 'exports customer mappings with no cell a spreadsheet would run as a formula' {
        Get-AtContractMapping -StatePath $script:store | Export-Csv -LiteralPath $script:csv -NoTypeInformation

        $cells = @(Get-CsvCell -Path $script:csv)
        $cells | Where-Object { Test-FormulaCell -Value $_ } | Should -BeNullOrEmpty
        $cells | Should -Contain ("'" + $script:vendorNames['formula-eq'])
        $cells | Should -Contain ("''" + $script:vendorNames['formula-quote'].Substring(1))
        $cells | Should -Contain "'-4201"
        $cells | Should -Contain "'+1 555 0100"
        $cells | Should -Contain "'=SUM(A1:A9)"
        $cells | Should -Contain "'=Contoso Dental Group"
    }

    It 'exports SKU mappings, proposals and unmapped customers with no cell a spreadsheet would run as a formula' {
        Get-AtServiceMapping -StatePath $script:store | Export-Csv -LiteralPath $script:csv -NoTypeInformation
        $cells = @(Get-CsvCell -Path $script:csv)
        $cells | Where-Object { Test-FormulaCell -Value $_ } | Should -BeNullOrEmpty
        $cells | Should -Contain "'=SKU()"
        $cells | Should -Contain "'=PC_{Sku}"
        $cells | Should -Contain "'-negotiated"

        $proposalCsv = Join-Path -Path $script:mappingState -ChildPath 'proposals.csv'
        $script:proposals.Count | Should -Be 2
        $script:proposals | Export-Csv -LiteralPath $proposalCsv -NoTypeInformation
        $unmapped = [pscustomobject]@{ Source = 'Generic'; CustomerId = '=new-1'; CustomerName = '@SUM(1+1)'; CustomerDomain = '-evil.example' }
        $unmappedCsv = Join-Path -Path $script:mappingState -ChildPath 'unmapped.csv'
        $unmapped | Get-AtContractMapping -Unmapped -StatePath $script:store | Export-Csv -LiteralPath $unmappedCsv -NoTypeInformation
        $skuProposalCsv = Join-Path -Path $script:mappingState -ChildPath 'sku-proposals.csv'
        [pscustomobject]@{ Source = 'Generic'; Sku = '=UNMAPPED()'; ChargeType = 'Recurring' } |
            New-AtServiceMapping -Auto -StatePath $script:store | Export-Csv -LiteralPath $skuProposalCsv -NoTypeInformation

        $other = @(Get-CsvCell -Path $proposalCsv) + @(Get-CsvCell -Path $unmappedCsv) + @(Get-CsvCell -Path $skuProposalCsv)
        $other | Where-Object { Test-FormulaCell -Value $_ } | Should -BeNullOrEmpty
        $other | Should -Contain "'`tContoso Dental Group"
        $other | Should -Contain "'=new-1"
        $other | Should -Contain "'@SUM(1+1)"
        $other | Should -Contain "'-evil.example"
        $other | Should -Contain "'=UNMAPPED()"
    }

    It 'reads an exported, edited customer file back through Set-AtContractMapping to exactly the stored text' {
        $before = @(Get-StoredText -Kind Customers)
        $hash = (Get-FileHash -LiteralPath $script:store).Hash
        Get-AtContractMapping -StatePath $script:store | Export-Csv -LiteralPath $script:csv -NoTypeInformation

        Import-Csv -LiteralPath $script:csv | Set-AtContractMapping -StatePath $script:store -ErrorAction Stop
        Get-AtContractMapping -StatePath $script:store | Set-AtContractMapping -StatePath $script:store -ErrorAction Stop
        (Get-FileHash -LiteralPath $script:store).Hash | Should -Be $hash

        $rows = @(Import-Csv -LiteralPath $script:csv)
        foreach ($row in $rows) { $row.Export = 'False' }
        $rows | Export-Csv -LiteralPath $script:csv -NoTypeInformation
        $saved = @(Import-Csv -LiteralPath $script:csv | Set-AtContractMapping -StatePath $script:store -PassThru -ErrorAction Stop)

        $saved.Count | Should -Be 7
        @(Get-StoredMapping -Kind Customers | Where-Object Export).Count | Should -Be 0
        (@(Get-StoredText -Kind Customers) -join "`n") | Should -BeExactly ($before -join "`n")
        ($saved | Where-Object { $_.CustomerName -eq "'" + $script:vendorNames['formula-eq'] }) | Should -Not -BeNullOrEmpty
    }

    It 'removes and re-creates exported customers from Import-Csv by their stored keys and text' {
        $before = @(Get-StoredText -Kind Customers)
        Get-AtContractMapping -StatePath $script:store | Export-Csv -LiteralPath $script:csv -NoTypeInformation

        $removed = @(Import-Csv -LiteralPath $script:csv | Remove-AtContractMapping -StatePath $script:store -PassThru -ErrorAction Stop)
        $removed.Count | Should -Be 7
        @(Get-StoredMapping -Kind Customers).Count | Should -Be 0

        Import-Csv -LiteralPath $script:csv | Where-Object CompanyAction -EQ 'Create' |
            New-AtContractMapping -CreateCompany -Notes '=SUM(A1:A9)' -StatePath $script:store -ErrorAction Stop | Out-Null
        $recreated = @(Get-StoredText -Kind Customers)
        $recreated.Count | Should -Be 5
        foreach ($text in $recreated) { $before -ccontains $text | Should -BeTrue -Because $text }
    }

    It 'reads an exported SKU file back through Set-AtServiceMapping and Remove-AtServiceMapping by the stored text' {
        $before = @(Get-StoredText -Kind Services)
        $hash = (Get-FileHash -LiteralPath $script:store).Hash
        Get-AtServiceMapping -StatePath $script:store | Export-Csv -LiteralPath $script:csv -NoTypeInformation

        Import-Csv -LiteralPath $script:csv | Set-AtServiceMapping -StatePath $script:store -ErrorAction Stop
        Get-AtServiceMapping -StatePath $script:store | Set-AtServiceMapping -StatePath $script:store -ErrorAction Stop
        (Get-FileHash -LiteralPath $script:store).Hash | Should -Be $hash

        $rows = @(Import-Csv -LiteralPath $script:csv)
        foreach ($row in $rows) { $row.Excluded = 'True'; $row.Action = 'Existing' }
        $rows | Export-Csv -LiteralPath $script:csv -NoTypeInformation
        Import-Csv -LiteralPath $script:csv | Where-Object ServiceId -EQ '' | Where-Object ProductId -EQ '' |
            Set-AtServiceMapping -StatePath $script:store -ErrorAction Stop
        @(Get-StoredMapping -Kind Services | Where-Object { -not $_.Excluded }).Count | Should -Be 0
        (@(Get-StoredText -Kind Services) -join "`n") | Should -BeExactly ($before -join "`n")

        $removed = @(Import-Csv -LiteralPath $script:csv | Remove-AtServiceMapping -StatePath $script:store -PassThru -ErrorAction Stop)
        $removed.Count | Should -Be 4
        @(Get-StoredMapping -Kind Services).Count | Should -Be 0
    }
}
