#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# A first-time user: no state folder yet, connected to the sandbox, keyed by its database.
BeforeAll {
    Import-Module -Name (Join-Path -Path $PSScriptRoot -ChildPath 'TestHelpers.psm1') -Force
    Import-BuiltModule
    $script:previousHome = $env:AUTOTASK_BILLING_HOME
}

AfterAll {
    $env:AUTOTASK_BILLING_HOME = $script:previousHome
    Disconnect-AtBilling -ErrorAction SilentlyContinue
}

Describe 'A clean machine' {
    BeforeEach {
        $script:root = Join-Path -Path ([System.IO.Path]::GetTempPath()) -ChildPath ('atb-firstrun-' + [guid]::NewGuid().ToString('N'))
        $env:AUTOTASK_BILLING_HOME = Join-Path -Path $script:root -ChildPath 'state/not/created'
        Connect-AtBilling -Sandbox
    }

    AfterEach {
        Disconnect-AtBilling
        Remove-Item -LiteralPath $script:root -Recurse -Force -ErrorAction SilentlyContinue
    }

    It 'runs the precompiled .NET 10 build of the module on this PowerShell' {
        [System.Environment]::Version.Major | Should -BeGreaterOrEqual 10
        (Get-Command -Name Connect-AtBilling).DLL | Should -Match ([regex]::Escape([System.IO.Path]::DirectorySeparatorChar + 'net10.0' + [System.IO.Path]::DirectorySeparatorChar))
    }

    It 'reads an empty mapping store when the state folder does not exist yet' {
        $errors = $null
        $mappings = @(Get-AtContractMapping -ErrorVariable errors)
        $services = @(Get-AtServiceMapping -ErrorVariable +errors)
        $settings = Get-AtBillingSetting -ErrorVariable +errors

        $errors | Should -BeNullOrEmpty
        $mappings.Count | Should -Be 0
        $services.Count | Should -Be 0
        $settings | Should -Not -BeNullOrEmpty
        Test-Path -LiteralPath $env:AUTOTASK_BILLING_HOME | Should -BeFalse
    }

    It 'creates the state folder, private to its owner, on the first save' {
        New-AtContractMapping -Source Generic -CustomerId C-1 -CustomerName 'First Run Ltd' -CreateCompany -ErrorAction Stop | Out-Null

        @(Get-AtContractMapping).CustomerId | Should -Be 'C-1'
        if (-not $IsWindows) {
            (Get-Item -LiteralPath $env:AUTOTASK_BILLING_HOME).UnixMode | Should -Be 'drwx------'
        }
    }

    It 'shows no sync history on a clean machine' {
        $errors = $null
        @(Get-AtSyncHistory -ErrorVariable errors).Count | Should -Be 0
        $errors | Should -BeNullOrEmpty
    }
}

Describe 'The database a connection names' {
    AfterEach {
        Disconnect-AtBilling
    }

    It '-Sandbox names the database, its zone and web address' {
        $connection = Connect-AtBilling -Sandbox -PassThru

        $connection.DatabaseId | Should -BeGreaterThan 0
        $connection.ZoneName | Should -Not -BeNullOrEmpty
        $connection.WebUri | Should -Not -BeNullOrEmpty
        (Get-AtBillingConnection).DatabaseId | Should -Be $connection.DatabaseId
    }

    It '-ZoneUri names the database, and two databases on one zone host keep separate stores' {
        $scratch = Join-Path -Path ([System.IO.Path]::GetTempPath()) -ChildPath ('atb-zone-' + [guid]::NewGuid().ToString('N'))
        $state = Join-Path -Path $scratch -ChildPath 'state'
        # A second tenant: the demo tenant saved, then given another database id, as a second customer of the zone.
        $otherTenant = Join-Path -Path $scratch -ChildPath 'other-tenant.json'
        Start-AtBillingSandbox -Path $otherTenant | Stop-AtBillingSandbox
        $json = Get-Content -LiteralPath $otherTenant -Raw | ConvertFrom-Json -AsHashtable
        $json.databaseId = 7000001
        $json | ConvertTo-Json -Depth 50 | Set-Content -LiteralPath $otherTenant
        $first = Start-AtBillingSandbox
        $second = Start-AtBillingSandbox -Path $otherTenant
        try {
            $one = Connect-AtBilling -Credential $first.Credential -ApiIntegrationCode $first.ApiIntegrationCode -ZoneUri $first.Uri -PassThru
            $one.DatabaseId | Should -Be $first.DatabaseId
            $one.ZoneName | Should -Not -BeNullOrEmpty
            New-AtContractMapping -Source Generic -CustomerId C-1 -CustomerName 'Tenant One' -CreateCompany -StatePath $state -ErrorAction Stop | Out-Null

            $two = Connect-AtBilling -Credential $second.Credential -ApiIntegrationCode $second.ApiIntegrationCode -ZoneUri $second.Uri -PassThru
            $two.DatabaseId | Should -Be 7000001
            @(Get-AtContractMapping -StatePath $state).Count | Should -Be 0
            @(Get-ChildItem -LiteralPath $state -Filter 'mappings-*.json').Name | Should -Be "mappings-$($first.DatabaseId).json"
        }
        finally {
            $first, $second | Stop-AtBillingSandbox
            Remove-Item -LiteralPath $scratch -Recurse -Force -ErrorAction SilentlyContinue
        }
    }

    It 'moves a store kept under the zone host by an earlier version to the database''s name' {
        $state = Join-Path -Path ([System.IO.Path]::GetTempPath()) -ChildPath ('atb-legacy-' + [guid]::NewGuid().ToString('N'))
        Connect-AtBilling -Sandbox
        New-AtContractMapping -Source Generic -CustomerId C-9 -CustomerName 'Legacy Ltd' -CreateCompany -StatePath (Join-Path $state 'mappings-sandbox.autotask-billing.invalid.json') | Out-Null
        try {
            @(Get-AtContractMapping -StatePath $state).CustomerId | Should -Be 'C-9'
            Test-Path -LiteralPath (Join-Path $state 'mappings-sandbox.autotask-billing.invalid.json') | Should -BeFalse
            @(Get-ChildItem -LiteralPath $state -Filter 'mappings-*.json').Name | Should -Be "mappings-$((Get-AtBillingConnection).DatabaseId).json"
        }
        finally {
            Remove-Item -LiteralPath $state -Recurse -Force -ErrorAction SilentlyContinue
        }
    }
}
