#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# Customers and contacts between a sales system's export and Autotask: Get-AtCustomer | Sync-AtCompany, the reads
# Get-AtCompany | Get-AtContact, and the pull Export-AtCustomer, against the embedded sandbox.

BeforeAll {
    Import-Module -Name (Join-Path -Path $PSScriptRoot -ChildPath 'TestHelpers.psm1') -Force
    # By path, into the global scope: an Import-Module inside a helper module's function would land in that module's scope.
    Import-Module -Name (Resolve-Path -LiteralPath (Join-Path -Path $PSScriptRoot -ChildPath '../../out/Autotask.Billing/Autotask.Billing.psd1')).Path -Force -Global -ErrorAction Stop
    $script:customers = Join-Path -Path (Get-Module -Name Autotask.Billing).ModuleBase -ChildPath 'Samples/demo-customers.csv'

    function Get-CustomerCompanyCount {
        @(Get-AtCompany -IncludeInactive).Count
    }

    function Get-ContactCount {
        @(Get-AtCompany -IncludeInactive | Get-AtContact -IncludeInactive).Count
    }
}

AfterAll {
    Disconnect-AtBilling -ErrorAction SilentlyContinue
    Get-Module -Name Autotask.Billing | Remove-Module -Force
}

Describe 'Customers and contacts pushed with Sync-AtCompany' {
    BeforeEach {
        Connect-AtBilling -Sandbox
        $script:state = New-TestStatePath
        Set-AtBillingSetting -DefaultAccountManager 'alex.morgan' -StatePath $script:state
        $script:store = Get-ChildItem -LiteralPath $script:state -Filter '*.json' | Select-Object -First 1
    }

    AfterEach {
        Remove-Item -LiteralPath $script:state -Recurse -Force -ErrorAction SilentlyContinue
    }

    It 'Get-AtCustomer reads the sample export into customers with their contacts' {
        $read = @(Get-AtCustomer -Path $script:customers)

        $read.Count | Should -Be 3
        $read[0].PSObject.TypeNames | Should -Contain 'Autotask.Billing.Crm.CrmCustomer'
        ($read | Measure-Object -Property ContactCount -Sum).Sum | Should -Be 5
        $read[1].Phone | Should -BeNullOrEmpty
    }

    It '-WhatIf previews the writes and the held-back customer, and writes nothing' {
        $companies = Get-CustomerCompanyCount
        $contacts = Get-ContactCount
        $storeBefore = Get-FileHash -LiteralPath $script:store.FullName

        Get-AtCustomer -Path $script:customers | Sync-AtCompany -StatePath $script:state -WhatIf

        Get-CustomerCompanyCount | Should -Be $companies
        Get-ContactCount | Should -Be $contacts
        (Get-FileHash -LiteralPath $script:store.FullName).Hash | Should -Be $storeBefore.Hash
        Test-Path -LiteralPath (Join-Path -Path $script:state -ChildPath 'journal') | Should -BeFalse
        @(Get-AtContractMapping -StatePath $script:state).Count | Should -Be 0
    }

    It 'holds back a customer without a work phone, then creates it with -DefaultPhone; a third push writes nothing' {
        $companies = Get-CustomerCompanyCount
        $first = @(Get-AtCustomer -Path $script:customers |
                Sync-AtCompany -StatePath $script:state -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue)

        @($first | Where-Object Status -EQ 'Failed').CustomerName | Should -Be 'Cedar Point Logistics'
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'SyncOperationFailed,*'
        @($first | Where-Object Status -EQ 'Applied').Count | Should -Be 5
        Get-CustomerCompanyCount | Should -Be ($companies + 1)
        (Get-AtCompany -Name 'Woodgrove Accounting' | Get-AtContact -EmailAddress 'liam@*').Title | Should -Be 'Managing Partner'

        $second = @(Get-AtCustomer -Path $script:customers | Sync-AtCompany -StatePath $script:state -DefaultPhone '555-555-5555' -Confirm:$false)
        $second.Status | Should -Be @('Applied', 'Applied')
        (Get-AtCompany -Name 'Cedar Point Logistics').Phone | Should -Be '555-555-5555'
        @(Get-AtContractMapping -StatePath $script:state).Count | Should -Be 3

        $companies = Get-CustomerCompanyCount
        $contacts = Get-ContactCount
        $summary = Get-AtCustomer -Path $script:customers | Sync-AtCompany -StatePath $script:state -DefaultPhone '555-555-5555' -Confirm:$false -Summary
        $summary | Should -BeNullOrEmpty
        Get-CustomerCompanyCount | Should -Be $companies
        Get-ContactCount | Should -Be $contacts
        @(Get-AtSyncHistory -StatePath $script:state).Count | Should -Be 2
    }

    It 'takes Import-Csv rows by property name, with -RequirePrimaryContact and an e-mail filter' {
        $rows = Join-Path -Path $script:state -ChildPath 'rows.csv'
        @(
            [pscustomobject]@{ CustomerId = 'W-1'; CustomerName = 'Quill Partners'; Phone = '555-0301'; FirstName = 'Ada'; LastName = 'Moss'; Email = 'ada@quill.example'; PrimaryContact = 'yes' }
            [pscustomobject]@{ CustomerId = 'W-1'; CustomerName = 'Quill Partners'; Phone = '555-0301'; FirstName = 'Ben'; LastName = 'Hart'; Email = 'ben@other.example'; PrimaryContact = 'no' }
            [pscustomobject]@{ CustomerId = 'W-2'; CustomerName = 'Rook Ltd'; Phone = '555-0302'; FirstName = 'Cal'; LastName = 'Ives'; Email = 'cal@rook.example'; PrimaryContact = 'no' }
        ) | Export-Csv -LiteralPath $rows -NoTypeInformation

        $results = @(Import-Csv -LiteralPath $rows |
                Sync-AtCompany -Source Work365 -RequirePrimaryContact -ContactEmail '*@quill.example', '*@rook.example' -StatePath $script:state -Confirm:$false -ErrorAction SilentlyContinue)

        @($results | Where-Object Status -EQ 'Applied').OperationKind | Should -Be @('CreateCompany', 'CreateContact')
        @($results | Where-Object Status -EQ 'Failed').CustomerName | Should -Be 'Rook Ltd'
        @(Get-AtCompany -Name 'Quill Partners' | Get-AtContact).EmailAddress | Should -Be 'ada@quill.example'
        (Get-AtContractMapping -StatePath $script:state).Source | Should -Be 'Work365'
    }
}

Describe 'Companies and contacts pulled from Autotask' {
    BeforeAll {
        Connect-AtBilling -Sandbox
        $script:state = New-TestStatePath
    }

    AfterAll {
        Remove-Item -LiteralPath $script:state -Recurse -Force -ErrorAction SilentlyContinue
    }

    It 'Get-AtCompany pipes into Get-AtContact' {
        $contacts = @(Get-AtCompany -Name 'Contoso*' | Get-AtContact)

        $contacts.Count | Should -Be 1
        $contacts[0].PSObject.TypeNames | Should -Contain 'Autotask.Billing.Crm.ContactRecord'
        $contacts[0].PrimaryContact | Should -BeTrue
    }

    It 'Export-AtCustomer -WhatIf writes neither the file nor the store' {
        $file = Join-Path -Path $script:state -ChildPath 'export.csv'

        Get-AtCompany -Name 'Contoso*' | Export-AtCustomer -Source ChannelOnline -Path $file -StatePath $script:state -WhatIf

        Test-Path -LiteralPath $file | Should -BeFalse
        @(Get-AtContractMapping -StatePath $script:state).Count | Should -Be 0
    }

    It 'an exported file pushed back unchanged writes nothing, since the pairing was recorded' {
        $file = Join-Path -Path $script:state -ChildPath 'export.csv'
        Get-AtCompany -Name 'Contoso*' | Export-AtCustomer -Source ChannelOnline -Path $file -StatePath $script:state

        $mapping = Get-AtContractMapping -StatePath $script:state
        $mapping.CompanyId | Should -Be (Get-AtCompany -Name 'Contoso*').CompanyId
        $read = @(Get-AtCustomer -Path $file)
        $read.CustomerName | Should -Be 'Contoso Dental Group'

        $results = @($read | Sync-AtCompany -StatePath $script:state -Confirm:$false -Summary -ErrorVariable problems)
        $problems | Should -BeNullOrEmpty
        $results | Should -BeNullOrEmpty
    }
}

Describe 'Catalog items pushed with Sync-AtProduct' {
    BeforeAll {
        Connect-AtBilling -Sandbox
        $script:state = New-TestStatePath
        Set-AtBillingSetting -MaterialBillingCode 'Hardware' -StatePath $script:state
        $script:products = Join-Path -Path (Get-Module -Name Autotask.Billing).ModuleBase -ChildPath 'Samples/demo-products.csv'
    }

    AfterAll {
        Remove-Item -LiteralPath $script:state -Recurse -Force -ErrorAction SilentlyContinue
    }

    It '-WhatIf writes nothing; a push creates, updates and maps; a second push writes nothing' {
        Sync-AtProduct -Path $script:products -DefaultCategory 'Hardware' -StatePath $script:state -WhatIf
        @(Get-AtServiceMapping -StatePath $script:state).Count | Should -Be 0

        $results = @(Sync-AtProduct -Path $script:products -DefaultCategory 'Hardware' -SyncPrices -StatePath $script:state -Confirm:$false)

        $results.OperationKind | Sort-Object | Should -Be @('CreateProduct', 'CreateProduct', 'UpdateProduct')
        $results.Status | Sort-Object -Unique | Should -Be 'Applied'
        @(Get-AtServiceMapping -StatePath $script:state | Where-Object ProductId).Count | Should -Be 3
        $again = @(Import-Csv -LiteralPath $script:products | Sync-AtProduct -DefaultCategory 'Hardware' -SyncPrices -StatePath $script:state -Confirm:$false -ErrorVariable problems)
        $problems | Should -BeNullOrEmpty
        $again | Should -BeNullOrEmpty
    }

    It 'refuses a default category Autotask does not have' {
        { Sync-AtProduct -Path $script:products -DefaultCategory 'No Such Category' -StatePath $script:state -WhatIf -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidArgument*'
    }
}

Describe 'Quotes and sales orders pushed with Sync-AtQuote' {
    BeforeAll {
        Connect-AtBilling -Sandbox
        $script:state = New-TestStatePath
        $samples = Join-Path -Path (Get-Module -Name Autotask.Billing).ModuleBase -ChildPath 'Samples'
        Set-AtBillingSetting -DefaultAccountManager 'alex.morgan' -MaterialBillingCode 'Hardware' -StatePath $script:state
        $script:quotes = Join-Path -Path $samples -ChildPath 'demo-quotes.csv'
        $script:reps = @{ jsmith = 'alex.morgan' }
    }

    AfterAll {
        Remove-Item -LiteralPath $script:state -Recurse -Force -ErrorAction SilentlyContinue
    }

    It 'holds back documents whose customers are not synced yet, writing nothing' {
        $results = @(Sync-AtQuote -Path $script:quotes -SalesRep $script:reps -StatePath $script:state -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failures)

        $results.Status | Sort-Object -Unique | Should -Be 'Failed'
        $results.Reason | Should -Match 'not synced to Autotask yet'
        $failures.Count | Should -Be $results.Count
        Test-Path -LiteralPath (Join-Path -Path $script:state -ChildPath 'journal') | Should -BeTrue
    }

    It 'after customers and catalog, -WhatIf writes nothing, a push syncs both documents and a second writes nothing' {
        $samples = Split-Path -Path $script:quotes -Parent
        Get-AtCustomer -Path (Join-Path -Path $samples -ChildPath 'demo-customers.csv') | Sync-AtCompany -DefaultPhone '555-555-5555' -StatePath $script:state -Confirm:$false | Out-Null
        Sync-AtProduct -Path (Join-Path -Path $samples -ChildPath 'demo-products.csv') -DefaultCategory 'Hardware' -StatePath $script:state -Confirm:$false | Out-Null
        $runs = @(Get-AtSyncHistory -StatePath $script:state).Count

        Sync-AtQuote -Path $script:quotes -SalesRep $script:reps -StatePath $script:state -WhatIf
        @(Get-AtSyncHistory -StatePath $script:state).Count | Should -Be $runs

        $results = @(Sync-AtQuote -Path $script:quotes -SalesRep $script:reps -StatePath $script:state -Confirm:$false)
        $results.Status | Sort-Object -Unique | Should -Be 'Applied'
        @($results | Where-Object OperationKind -EQ 'CreateQuote').Count | Should -Be 2
        @($results | Where-Object OperationKind -EQ 'UpdateOpportunity').Target | Should -Be 'SalesOrder SO-2001 (ChannelOnline)'

        $again = @(Import-Csv -LiteralPath $script:quotes | Sync-AtQuote -SalesRep $script:reps -StatePath $script:state -Confirm:$false -ErrorVariable problems)
        $problems | Should -BeNullOrEmpty
        $again | Should -BeNullOrEmpty
    }

    It 'uses the sales reps stored with Set-AtBillingSetting -SalesRep when a run gives none' {
        $held = @(Sync-AtQuote -Path $script:quotes -StatePath $script:state -Confirm:$false -ErrorAction SilentlyContinue)
        $held.Reason | Should -Match "sales rep 'jsmith' is not mapped"

        Set-AtBillingSetting -SalesRep $script:reps -StatePath $script:state
        (Get-AtBillingSetting -StatePath $script:state).SalesReps['JSmith'] | Should -Be 'alex.morgan'

        $results = @(Sync-AtQuote -Path $script:quotes -StatePath $script:state -Confirm:$false -ErrorVariable failures)
        $results | Should -BeNullOrEmpty
        $failures | Should -BeNullOrEmpty
    }
}
