#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# What a user is told when something is wrong, and what completion offers.
BeforeAll {
    Import-Module -Name (Join-Path -Path $PSScriptRoot -ChildPath 'TestHelpers.psm1') -Force
    Import-BuiltModule
    $script:export = Join-Path -Path (Get-Module -Name Autotask.Billing).ModuleBase -ChildPath 'Samples/demo-export.csv'
}

AfterAll {
    Disconnect-AtBilling -ErrorAction SilentlyContinue
}

Describe 'Errors name the problem' {
    BeforeEach {
        Connect-AtBilling -Sandbox
        $script:state = New-TestStatePath
    }

    AfterEach {
        Remove-Item -LiteralPath $script:state -Recurse -Force -ErrorAction SilentlyContinue
    }

    It 'Set-AtContractMapping on a customer that is not mapped says so, and -CreateCompany does not add one' {
        $errors = $null
        Set-AtContractMapping -Source Generic -CustomerId 'no-such-customer' -Export $false -StatePath $script:state -ErrorAction SilentlyContinue -ErrorVariable errors
        Set-AtContractMapping -Source Generic -CustomerId 'no-such-customer' -CreateCompany -StatePath $script:state -ErrorAction SilentlyContinue -ErrorVariable +errors

        @($errors).Count | Should -Be 2
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'MappingNotFound,*'
        $errors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $errors[0].Exception.Message | Should -BeLike '*no mapping of the Generic customer*New-AtContractMapping*'
        @(Get-AtContractMapping -StatePath $script:state).Count | Should -Be 0
    }

    It 'refuses -CompanyId and -CompanyName that name different companies' {
        $contoso = (Get-AtTransaction -Path $script:export -Month 2026-10 | New-AtContractMapping -Auto -WhatIf | Where-Object CustomerName -EQ 'Contoso Dental Group').CompanyId
        $errors = $null
        New-AtContractMapping -Source Generic -CustomerId 'X-1' -CompanyId $contoso -CompanyName 'Fabrikam Logistics' -StatePath $script:state -ErrorAction SilentlyContinue -ErrorVariable errors

        $errors | Should -HaveCount 1
        $errors[0].Exception.Message | Should -BeLike "*company $contoso is not named 'Fabrikam Logistics'*"
        @(Get-AtContractMapping -StatePath $script:state).Count | Should -Be 0
    }

    It 'Set-AtBillingSetting validation honours -ErrorAction' {
        $problem = $null
        Set-AtBillingSetting -RecurringBillingCode 'No Such Code' -StatePath $script:state -ErrorAction SilentlyContinue -ErrorVariable problem

        $problem | Should -HaveCount 1
        $problem[0].FullyQualifiedErrorId | Should -BeLike 'BillingSettingInvalid,*'
    }

    It 'Compare-AtContract -Summary | Sync-AtContract syncs the differences and passes over the summary' {
        $errors = $null
        $output = @(Get-AtTransaction -Path $script:export -Month 2026-10 | Compare-AtContract -Summary -StatePath $script:state |
                Sync-AtContract -WhatIf -Summary -StatePath $script:state -ErrorVariable errors)

        $errors | Should -BeNullOrEmpty
        ($output | Where-Object -FilterScript { $_ -is [Autotask.Billing.SyncRunSummary] }).Unresolved | Should -BeGreaterThan 0
    }

    It 'a folder given as -Path is an error that says it is a folder' {
        $errors = $null
        Get-AtTransaction -Path $script:state -Month 2026-10 -ErrorAction SilentlyContinue -ErrorVariable errors | Out-Null

        $errors[0].FullyQualifiedErrorId | Should -BeLike 'PathIsFolder,*'
        $errors[0].Exception.Message | Should -BeLike '*is a folder*'
    }

    It 'a profile''s missing value names the file''s own column' {
        $profileFile = Join-Path -Path $script:state -ChildPath 'acme.json'
        $file = Join-Path -Path $script:state -ChildPath 'acme.csv'
        Set-Content -LiteralPath $profileFile -Value '{ "name": "acme", "source": "Acme", "defaultChargeType": "Recurring", "columns": { "TransactionId": ["Line"], "CustomerId": ["Client No"], "Sku": ["Article"], "Quantity": ["Units"], "Currency": ["Cur"], "ServiceStart": ["From"] } }'
        Set-Content -LiteralPath $file -Value "Line,Client No,Article,Units,Cur,From`n1,C1,SKU1,3,,2026-10-01"
        $errors = $null
        Get-AtTransaction -Path $file -ProfilePath $profileFile -Month 2026-10 -AcceptPartialFile -ErrorAction SilentlyContinue -ErrorVariable errors -WarningAction SilentlyContinue | Out-Null

        $errors[0].TargetObject.Column | Should -Be 'Cur'
        $errors[0].Exception.Message | Should -BeLike '*Cur is empty*'
    }

    It 'a refused connection names the host it tried' {
        $server = Start-AtBillingSandbox
        $server | Stop-AtBillingSandbox
        $refused = $null
        try {
            Connect-AtBilling -Credential $server.Credential -ApiIntegrationCode $server.ApiIntegrationCode -ZoneUri $server.Uri
        }
        catch {
            $refused = $_
        }

        $refused.FullyQualifiedErrorId | Should -BeLike 'AutotaskUnreachable,*'
        $refused.Exception.Message | Should -BeLike "*127.0.0.1:$($server.Port)*"
    }

    It 'Get-AtContract -ContractId of a contract that does not exist is ObjectNotFound' {
        $errors = $null
        $found = @(Get-AtContract -ContractId 999 -ErrorAction SilentlyContinue -ErrorVariable errors)

        $found.Count | Should -Be 0
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'ContractNotFound,*'
        $errors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It '-Source must be a source the module reads or the store knows; its spelling is the known one' {
        $errors = $null
        New-AtContractMapping -Source Pax9 -CustomerId C-1 -CreateCompany -StatePath $script:state -ErrorAction SilentlyContinue -ErrorVariable errors
        New-AtContractMapping -Source pax8 -CustomerId C-2 -CustomerName 'Two Ltd' -CreateCompany -StatePath $script:state

        $errors[0].Exception.Message | Should -BeLike "*'Pax9' is not a vendor source*Pax8*"
        @(Get-AtContractMapping -StatePath $script:state).Source | Should -Be 'Pax8'
    }
}

Describe 'Completion and defaults' {
    BeforeAll {
        Connect-AtBilling -Sandbox
        $script:state = New-TestStatePath
        function Get-Completion([string]$Line) {
            (TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches.CompletionText
        }
    }

    AfterAll {
        Remove-Item -LiteralPath $script:state -Recurse -Force -ErrorAction SilentlyContinue
    }

    It 'offers only billing codes Set-AtBillingSetting accepts for the parameter' {
        foreach ($parameter in 'RecurringBillingCode', 'MaterialBillingCode') {
            $offered = @(Get-Completion "Set-AtBillingSetting -StatePath '$script:state' -$parameter ")
            $offered.Count | Should -BeGreaterThan 0
            foreach ($code in $offered) {
                $errors = $null
                $value = @{ $parameter = $code.Trim("'") }
                Set-AtBillingSetting -StatePath $script:state -WhatIf @value -ErrorAction SilentlyContinue -ErrorVariable errors
                $errors | Should -BeNullOrEmpty -Because "$code was offered for -$parameter"
            }
        }
    }

    It 'completes sources and company names on a fresh store in a fresh session' {
        Get-Completion "New-AtContractMapping -StatePath '$script:state' -Source " | Should -Contain 'Generic'
        Get-Completion "New-AtContractMapping -StatePath '$script:state' -Source " | Should -Contain 'Pax8'
        (Get-Completion "New-AtContractMapping -Source Generic -CustomerId X -StatePath '$script:state' -CompanyName Conto") -join ' ' | Should -BeLike '*Contoso Dental Group*'
    }

    It 'Compare-AtContract -Path reads the same default window as Get-AtTransaction' {
        $readWindow = (Get-AtTransaction -Path $script:export -Verbose 4>&1 | Where-Object -FilterScript { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like 'Reading billing lines*' }).Message
        $messages = [System.Collections.Generic.List[object]]::new()
        try {
            # Today is well after the demo month, so the default window holds none of its lines: Compare stops there.
            Compare-AtContract -Path $script:export -StatePath $script:state -Verbose 4>&1 | ForEach-Object -Process { $messages.Add($_) }
        }
        catch {
            $_.FullyQualifiedErrorId | Should -BeLike 'NoBillingLines,*'
        }
        $compareWindow = ($messages | Where-Object -FilterScript { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like 'Reading billing lines*' }).Message

        $readWindow | Should -Not -BeNullOrEmpty
        $compareWindow | Should -Be $readWindow
    }

    It 'gives every cmdlet its own progress activity id' {
        $type = [Autotask.Billing.Commands.ConnectAtBillingCommand].Assembly.GetType('Autotask.Billing.Infrastructure.ProgressActivities')
        $ids = $type.GetFields([System.Reflection.BindingFlags]'Public,NonPublic,Static') | ForEach-Object -Process { $_.GetValue($null) }
        $ids.Count | Should -BeGreaterThan 5
        @($ids | Sort-Object -Unique).Count | Should -Be $ids.Count
        $sources = Get-ChildItem -Path (Join-Path -Path $PSScriptRoot -ChildPath '../../src/Autotask.Billing/Commands') -Filter '*.cs'
        $uses = $sources | Select-String -Pattern 'ProgressActivities\.(\w+)' | ForEach-Object -Process { $_.Matches[0].Groups[1].Value }
        @($uses | Sort-Object -Unique).Count | Should -Be @($uses).Count
    }
}
