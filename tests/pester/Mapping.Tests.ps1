#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

BeforeAll {
    Import-Module -Name (Join-Path -Path $PSScriptRoot -ChildPath 'TestHelpers.psm1') -Force
    Import-BuiltModule
    $script:exportFolder = New-TestStatePath
    $script:demoExport = Join-Path -Path $script:exportFolder -ChildPath 'demo-export.csv'
    [System.IO.File]::WriteAllText($script:demoExport, [Autotask.Billing.Sandbox.DemoTenant]::DemoExportCsv)

    function Get-DemoLine {
        Get-AtTransaction -Path $script:demoExport -Month ([Autotask.Billing.Sandbox.DemoTenant]::ExportMonth)
    }
}

AfterAll {
    Disconnect-AtBilling -ErrorAction SilentlyContinue
    Remove-Item -LiteralPath $script:exportFolder -Recurse -Force -ErrorAction SilentlyContinue
    Get-Module -Name Autotask.Billing | Remove-Module -Force
}

Describe 'Contract mappings' {
    BeforeEach {
        Connect-AtBilling -Sandbox
        $script:state = New-TestStatePath
        $script:storeFile = Join-Path -Path $script:state -ChildPath 'mappings.json'
    }

    AfterEach {
        Remove-Item -LiteralPath $script:state -Recurse -Force -ErrorAction SilentlyContinue
    }

    It '-Auto maps every demo customer but Litware to its company and recurring contract' {
        $proposals = @(Get-DemoLine | New-AtContractMapping -Auto -StatePath $script:state)

        $proposals.Count | Should -Be 7
        $proposals[0].PSObject.TypeNames | Should -Contain 'Autotask.Billing.Mapping.MatchProposal'
        @($proposals | Where-Object IsAccepted).Count | Should -Be 6
        @($proposals | Where-Object { -not $_.IsAccepted }).CustomerName | Should -Be 'Litware Inc'
        $mappings = @(Get-AtContractMapping -StatePath $script:state)
        $mappings.Count | Should -Be 6
        foreach ($mapping in $mappings) {
            $mapping.CompanyAction.ToString() | Should -Be 'Existing'
            $mapping.ContractAction.ToString() | Should -Be 'Existing'
            $mapping.ContractId | Should -BeGreaterThan 0
        }
        ($mappings.CustomerName | Sort-Object) | Should -Be (($proposals | Where-Object IsAccepted).CompanyName | Sort-Object)
    }

    It 'leaves customers that are already mapped alone on a second -Auto run' {
        $null = Get-DemoLine | New-AtContractMapping -Auto -StatePath $script:state
        $before = (Get-FileHash -LiteralPath (Get-ChildItem -LiteralPath $script:state -Filter 'mappings-*.json').FullName).Hash

        $second = @(Get-DemoLine | New-AtContractMapping -Auto -StatePath $script:state)

        $second.Count | Should -Be 1
        $second[0].CustomerName | Should -Be 'Litware Inc'
        (Get-FileHash -LiteralPath (Get-ChildItem -LiteralPath $script:state -Filter 'mappings-*.json').FullName).Hash | Should -Be $before
    }

    It '-WhatIf returns the proposals but creates no store file' {
        $proposals = @(Get-DemoLine | New-AtContractMapping -Auto -StatePath $script:state -WhatIf)

        $proposals.Count | Should -Be 7
        @(Get-ChildItem -LiteralPath $script:state -Force).Count | Should -Be 0
    }

    It '-WhatIf leaves an existing store unchanged' {
        $null = Get-DemoLine | New-AtContractMapping -Auto -StatePath $script:storeFile
        $before = (Get-FileHash -LiteralPath $script:storeFile).Hash
        $first = @(Get-AtContractMapping -StatePath $script:storeFile)[0]

        $first | Set-AtContractMapping -StatePath $script:storeFile -Export $false -WhatIf
        $first | Remove-AtContractMapping -StatePath $script:storeFile -WhatIf
        Set-AtBillingSetting -StatePath $script:storeFile -RemovalPolicy ReportOnly -WhatIf
        New-AtContractMapping -Source Generic -CustomerId 'NEW-1' -CreateCompany -StatePath $script:storeFile -WhatIf

        (Get-FileHash -LiteralPath $script:storeFile).Hash | Should -Be $before
        Test-Path -LiteralPath ($script:storeFile + '.bak') | Should -BeFalse
    }

    It 'round-trips Export-Csv and Import-Csv for bulk edits, with parameters overriding the rows' {
        $null = Get-DemoLine | New-AtContractMapping -Auto -StatePath $script:storeFile
        $csv = Join-Path -Path $script:state -ChildPath 'mappings.csv'
        Get-AtContractMapping -StatePath $script:storeFile | Export-Csv -LiteralPath $csv -NoTypeInformation
        $unchanged = (Get-FileHash -LiteralPath $script:storeFile).Hash

        Import-Csv -LiteralPath $csv | Set-AtContractMapping -StatePath $script:storeFile
        (Get-FileHash -LiteralPath $script:storeFile).Hash | Should -Be $unchanged

        $rows = @(Import-Csv -LiteralPath $csv)
        $rows[0].Export = 'False'
        $rows[0].Notes = 'Billed through the parent company'
        $rows[0].SyncStartDate = '2026-11-01'
        $rows | Export-Csv -LiteralPath $csv -NoTypeInformation
        $saved = @(Import-Csv -LiteralPath $csv | Set-AtContractMapping -StatePath $script:storeFile -PricingStrategy CostOnly -PassThru)

        $saved.Count | Should -Be 6
        $edited = Get-AtContractMapping -StatePath $script:storeFile -CustomerId $rows[0].CustomerId
        $edited.Export | Should -BeFalse
        $edited.Notes | Should -Be 'Billed through the parent company'
        $edited.SyncStartDate.ToString('yyyy-MM-dd') | Should -Be '2026-11-01'
        $edited.CompanyId | Should -Be ([long]$rows[0].CompanyId)
        @(Get-AtContractMapping -StatePath $script:storeFile | Where-Object { "$($_.PricingStrategy)" -eq 'CostOnly' }).Count | Should -Be 6
    }

    It 'keeps a leading apostrophe a user typed, through parameters, hand-built objects and an Export-Csv / Import-Csv round trip' {
        # Only an apostrophe before =, +, -, @, a tab or a return is the export's formula guard; "'t Hoekje" is a name.
        $dutch = "'t Hoekje"
        $link = '=HYPERLINK("http://evil.example","x")'
        New-AtContractMapping -Source Generic -CustomerId 'NL-1' -CustomerName $dutch -Notes "'s Avonds" -CreateCompany -StatePath $script:storeFile | Out-Null
        [pscustomobject]@{ Source = 'Generic'; CustomerId = 'NL-2'; CustomerName = $dutch; CompanyAction = 'Create'; ContractAction = 'Create' } |
            Set-AtContractMapping -StatePath $script:storeFile
        New-AtContractMapping -Source Generic -CustomerId 'F-1' -CustomerName $link -CreateCompany -StatePath $script:storeFile | Out-Null
        Set-AtContractMapping -Source Generic -CustomerId 'F-1' -Notes "'=already quoted" -StatePath $script:storeFile

        (Get-AtContractMapping -StatePath $script:storeFile -CustomerId 'NL-1').CustomerName | Should -BeExactly $dutch
        (Get-AtContractMapping -StatePath $script:storeFile -CustomerId 'NL-1').Notes | Should -BeExactly "'s Avonds"
        (Get-AtContractMapping -StatePath $script:storeFile -CustomerId 'NL-2').CustomerName | Should -BeExactly $dutch
        $csv = Join-Path -Path $script:state -ChildPath 'apostrophes.csv'
        Get-AtContractMapping -StatePath $script:storeFile | Export-Csv -LiteralPath $csv -NoTypeInformation
        $cells = @{}
        Import-Csv -LiteralPath $csv | ForEach-Object { $cells[$_.CustomerId] = $_ }
        $cells['NL-1'].CustomerName | Should -BeExactly $dutch
        $cells['F-1'].CustomerName | Should -BeExactly ("'" + $link)
        $cells['F-1'].Notes | Should -BeExactly "''=already quoted"
        $stored = (Get-FileHash -LiteralPath $script:storeFile).Hash

        Import-Csv -LiteralPath $csv | Set-AtContractMapping -StatePath $script:storeFile
        Get-AtContractMapping -StatePath $script:storeFile | Set-AtContractMapping -StatePath $script:storeFile

        (Get-FileHash -LiteralPath $script:storeFile).Hash | Should -Be $stored
        # What Get hands out is the stored text guarded once: the formula was stored as typed, the apostrophes kept.
        (Get-AtContractMapping -StatePath $script:storeFile -CustomerId 'F-1').CustomerName | Should -BeExactly ("'" + $link)
        (Get-AtContractMapping -StatePath $script:storeFile -CustomerId 'F-1').Notes | Should -BeExactly "''=already quoted"
        (Get-AtContractMapping -StatePath $script:storeFile -CustomerId 'NL-2').CustomerName | Should -BeExactly $dutch
    }

    It 'lists the piped customers that have no mapping with -Unmapped' {
        $null = Get-DemoLine | New-AtContractMapping -Auto -StatePath $script:state

        $unmapped = @(Get-DemoLine | Get-AtContractMapping -Unmapped -StatePath $script:state)

        $unmapped.Count | Should -Be 1
        $unmapped[0].CustomerName | Should -Be 'Litware Inc'
        $unmapped[0].Domain | Should -Be 'litwareinc.com'
    }

    It 'maps a customer explicitly by company name, choosing its only recurring contract' {
        $mapping = New-AtContractMapping -Source Generic -CustomerId 'C-100' -CustomerName 'Contoso' -CompanyName 'Contoso Dental Group' -StatePath $script:state

        $mapping.CompanyId | Should -BeGreaterThan 0
        $mapping.ContractId | Should -BeGreaterThan 0
        $mapping.CreatedUtc | Should -Not -BeNullOrEmpty
    }

    It 'refuses to add a mapping that exists, with a fully qualified error id' {
        New-AtContractMapping -Source Generic -CustomerId 'L-1' -CreateCompany -StatePath $script:state | Out-Null

        { New-AtContractMapping -Source Generic -CustomerId 'L-1' -CreateCompany -StatePath $script:state -ErrorAction Stop } |
            Should -Throw -ErrorId 'MappingExists,Autotask.Billing.Commands.NewAtContractMappingCommand'
    }

    It 'refuses a company that does not exist in Autotask' {
        { New-AtContractMapping -Source Generic -CustomerId 'X-1' -CompanyId 987654 -CreateContract -StatePath $script:state -ErrorAction Stop } |
            Should -Throw -ErrorId 'MappingTargetInvalid,Autotask.Billing.Commands.NewAtContractMappingCommand'
    }

    It 'refuses an invalid row, naming the row and column' {
        $row = [pscustomobject]@{ Source = 'Generic'; CustomerId = 'Z-1'; CompanyAction = 'Sometimes'; ContractAction = 'Create' }

        $failure = { $row | Set-AtContractMapping -StatePath $script:storeFile -ErrorAction Stop } |
            Should -Throw -ErrorId 'MappingRowInvalid,Autotask.Billing.Commands.SetAtContractMappingCommand' -PassThru
        $failure.Exception.Message | Should -Match 'row 1, column CompanyAction'
    }

    It 'stops with MappingStoreInUse while another run holds the store' {
        New-AtContractMapping -Source Generic -CustomerId 'L-2' -CustomerName 'L Two' -CreateCompany -StatePath $script:storeFile | Out-Null
        $lock = [System.IO.File]::Open($script:storeFile + '.lock', 'OpenOrCreate', 'ReadWrite', 'None')
        try {
            { Set-AtContractMapping -Source Generic -CustomerId 'L-2' -Export $false -StatePath $script:storeFile -ErrorAction Stop } |
                Should -Throw -ErrorId 'MappingStoreInUse,Autotask.Billing.Commands.SetAtContractMappingCommand'
        }
        finally {
            $lock.Dispose()
        }
    }

    It 'removes mappings piped from Get-AtContractMapping' {
        $null = Get-DemoLine | New-AtContractMapping -Auto -StatePath $script:state

        Get-AtContractMapping -StatePath $script:state -CustomerName 'Contoso*' | Remove-AtContractMapping -StatePath $script:state -Confirm:$false

        @(Get-AtContractMapping -StatePath $script:state).Count | Should -Be 5
        { Get-AtContractMapping -StatePath $script:state -CustomerId 'no-such-customer' -ErrorAction Stop } |
            Should -Throw -ErrorId 'MappingNotFound,Autotask.Billing.Commands.GetAtContractMappingCommand'
    }

    It 'needs a connection unless -StatePath names the store file' {
        Disconnect-AtBilling

        { Get-AtContractMapping -StatePath $script:state -ErrorAction Stop } |
            Should -Throw -ErrorId 'NotConnected,Autotask.Billing.Commands.GetAtContractMappingCommand'
        New-AtContractMapping -Source Generic -CustomerId 'A-1' -CompanyId 11 -ContractId 22 -StatePath $script:storeFile | Out-Null
        Set-AtContractMapping -Source Generic -CustomerId 'A-1' -Export $false -StatePath $script:storeFile
        (Get-AtContractMapping -StatePath $script:storeFile -CustomerId 'A-1').ContractId | Should -Be 22
    }
}

Describe 'Service mappings' {
    BeforeEach {
        Connect-AtBilling -Sandbox
        $script:state = New-TestStatePath
    }

    AfterEach {
        Remove-Item -LiteralPath $script:state -Recurse -Force -ErrorAction SilentlyContinue
    }

    It '-Auto maps recurring SKUs to services and one-time SKUs to products, and returns the rest for review' {
        $proposals = @(Get-DemoLine | New-AtServiceMapping -Auto -StatePath $script:state)

        $proposals.Count | Should -Be 11
        (@($proposals | Where-Object { -not $_.IsAccepted }).Sku | Sort-Object) | Should -Be @('CFQ7TTC0RM8K', 'DZH318Z0BQ4L')
        $mappings = @(Get-AtServiceMapping -StatePath $script:state)
        $mappings.Count | Should -Be 9
        (Get-AtServiceMapping -StatePath $script:state -Sku 'SURF-DOCK-2').ProductId | Should -BeGreaterThan 0
        (Get-AtServiceMapping -StatePath $script:state -Sku 'CFQ7TTC0LH18').ServiceId | Should -BeGreaterThan 0
    }

    It 'round-trips Export-Csv and Import-Csv, and excludes a SKU' {
        $null = Get-DemoLine | New-AtServiceMapping -Auto -StatePath $script:state
        New-AtServiceMapping -Source Generic -Sku 'CFQ7TTC0RM8K' -Create -NameTemplate 'PC_{Sku}' -StatePath $script:state | Out-Null
        $csv = Join-Path -Path $script:state -ChildPath 'skus.csv'
        Get-AtServiceMapping -StatePath $script:state | Export-Csv -LiteralPath $csv -NoTypeInformation

        Set-AtServiceMapping -Source Generic -Sku 'DZH318Z0BQ4L' -Excluded -StatePath $script:state

        (Get-AtServiceMapping -StatePath $script:state -Sku 'DZH318Z0BQ4L').Excluded | Should -BeTrue
        (Get-AtServiceMapping -StatePath $script:state -Sku 'CFQ7TTC0RM8K').NameTemplate | Should -Be 'PC_{Sku}'
        $saved = @(Import-Csv -LiteralPath $csv | Set-AtServiceMapping -StatePath $script:state -PassThru)
        $saved.Count | Should -Be 10
    }

    It 'reads X, Y and N typed into the Excluded column of an edited file as yes, yes and no' {
        $csv = Join-Path -Path $script:state -ChildPath 'crosses.csv'
        @(
            [pscustomobject]@{ Source = 'Generic'; Sku = 'CROSS-X'; Action = 'Create'; Excluded = 'x' }
            [pscustomobject]@{ Source = 'Generic'; Sku = 'CROSS-Y'; Action = 'Create'; Excluded = 'Y' }
            [pscustomobject]@{ Source = 'Generic'; Sku = 'CROSS-N'; Action = 'Create'; Excluded = 'n' }
        ) | Export-Csv -LiteralPath $csv -NoTypeInformation

        Import-Csv -LiteralPath $csv | Set-AtServiceMapping -StatePath $script:state

        (Get-AtServiceMapping -StatePath $script:state -Sku 'CROSS-X').Excluded | Should -BeTrue
        (Get-AtServiceMapping -StatePath $script:state -Sku 'CROSS-Y').Excluded | Should -BeTrue
        (Get-AtServiceMapping -StatePath $script:state -Sku 'CROSS-N').Excluded | Should -BeFalse
    }

    It 'stores a name template and notes trimmed, whether New- or Set-AtServiceMapping stores them' {
        New-AtServiceMapping -Source Generic -Sku 'TRIM-NEW' -Create -NameTemplate '  PC_{Sku}  ' -Notes ' From New ' -StatePath $script:state | Out-Null
        Set-AtServiceMapping -Source Generic -Sku 'TRIM-SET' -Create -NameTemplate '  PC_{Sku}  ' -Notes ' From Set ' -StatePath $script:state

        $new = Get-AtServiceMapping -StatePath $script:state -Sku 'TRIM-NEW'
        $set = Get-AtServiceMapping -StatePath $script:state -Sku 'TRIM-SET'
        $new.NameTemplate | Should -BeExactly 'PC_{Sku}'
        $set.NameTemplate | Should -BeExactly 'PC_{Sku}'
        $new.Notes | Should -BeExactly 'From New'
        $set.Notes | Should -BeExactly 'From Set'
    }
}

Describe 'Billing settings' {
    BeforeEach {
        Connect-AtBilling -Sandbox
        $script:state = New-TestStatePath
    }

    AfterEach {
        Remove-Item -LiteralPath $script:state -Recurse -Force -ErrorAction SilentlyContinue
    }

    It 'resolves billing codes and the account manager given by name' {
        $settings = Set-AtBillingSetting -RecurringBillingCode 'Microsoft 365 Licensing' -MaterialBillingCode 'Hardware' -DefaultAccountManager 'Alex Morgan' -VendorCompanyName @{ Pax8 = 'Pax8' } -StatePath $script:state -PassThru

        $settings.RecurringBillingCodeId | Should -Be 29682701
        $settings.MaterialBillingCodeId | Should -Be 29682710
        $settings.DefaultAccountManagerResourceId | Should -Be 29682881
        (Get-AtBillingSetting -StatePath $script:state).VendorCompanyNames['Pax8'] | Should -Be 'Pax8'
    }

    It 'refuses an unknown billing code with the valid ones' {
        $failure = { Set-AtBillingSetting -RecurringBillingCode 'No Such Code' -StatePath $script:state -ErrorAction Stop } |
            Should -Throw -ErrorId 'BillingSettingInvalid,Autotask.Billing.Commands.SetAtBillingSettingCommand' -PassThru
        $failure.Exception.Message | Should -Match 'Microsoft 365 Licensing \(29682701\)'
        @(Get-ChildItem -LiteralPath $script:state -Force).Count | Should -Be 0
    }
}
