#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# The "review in a spreadsheet" round trip in the cultures admins work in: differences and mappings written with
# Export-Csv, Export-Clixml or ConvertTo-Json and read back give the same money, dates and choices.
BeforeDiscovery {
    $script:cases = foreach ($culture in 'en-US', 'de-DE', 'sv-SE', 'fr-FR', 'en-GB') {
        foreach ($format in 'Csv', 'Clixml', 'Json') {
            @{ Culture = $culture; Format = $format }
        }
    }
}

BeforeAll {
    Import-Module -Name (Join-Path -Path $PSScriptRoot -ChildPath 'TestHelpers.psm1') -Force
    Import-BuiltModule
    $script:export = Join-Path -Path (Get-Module -Name Autotask.Billing).ModuleBase -ChildPath 'Samples/demo-export.csv'
    $script:original = [System.Globalization.CultureInfo]::CurrentCulture

    # Mappings once: every demo customer and SKU, one customer with its own pricing strategy and start date.
    $script:mappings = New-TestStatePath
    Connect-AtBilling -Sandbox
    $lines = Get-AtTransaction -Path $script:export -Month 2026-10
    $null = $lines | New-AtContractMapping -Auto -StatePath $script:mappings
    $null = $lines | New-AtServiceMapping -Auto -StatePath $script:mappings
    $woodgrove = Get-AtContractMapping -StatePath $script:mappings | Where-Object -FilterScript { $_.CustomerName -eq 'Woodgrove Accounting' }
    Set-AtContractMapping -Source $woodgrove.Source -CustomerId $woodgrove.CustomerId -EffectiveDatePolicy PeriodStart -PricingStrategy CostOnly -SyncStartDate 2026-09-15 -StatePath $script:mappings

    function Copy-MappingStore {
        $folder = New-TestStatePath
        Copy-Item -Path (Join-Path -Path $script:mappings -ChildPath 'mappings-*.json') -Destination $folder
        $folder
    }

    function Get-ContractState {
        Get-AtContractService | Sort-Object -Property CompanyName, Sku |
            ForEach-Object -Process { [string]::Format([System.Globalization.CultureInfo]::InvariantCulture, '{0}|{1}|{2}|{3}|{4}', $_.CompanyName, $_.Sku, $_.Units, $_.UnitPrice, $_.UnitCost) }
    }

    function Invoke-RoundTrip {
        param([object[]]$InputObject, [string]$Format, [string]$Folder)
        $path = Join-Path -Path $Folder -ChildPath "round-trip.$Format"
        switch ($Format) {
            'Csv' { $InputObject | Export-Csv -Path $path -NoTypeInformation; Import-Csv -Path $path }
            'Clixml' { $InputObject | Export-Clixml -Path $path; Import-Clixml -Path $path }
            'Json' { ConvertTo-Json -InputObject @($InputObject) -Depth 5 | Set-Content -Path $path; (Get-Content -Path $path -Raw | ConvertFrom-Json) | ForEach-Object -Process { $_ } }
        }
    }

    # What Autotask holds after syncing the live differences, in the invariant culture.
    [System.Globalization.CultureInfo]::CurrentCulture = [System.Globalization.CultureInfo]::InvariantCulture
    $state = Copy-MappingStore
    Connect-AtBilling -Sandbox
    $null = Get-AtTransaction -Path $script:export -Month 2026-10 | Compare-AtContract -StatePath $state |
        Sync-AtContract -StatePath $state -Confirm:$false -Force -WarningAction SilentlyContinue
    $script:expected = @(Get-ContractState)
    [System.Globalization.CultureInfo]::CurrentCulture = $script:original
}

AfterAll {
    [System.Globalization.CultureInfo]::CurrentCulture = $script:original
    Disconnect-AtBilling
    Remove-Item -LiteralPath $script:mappings -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Round trips in <Culture> through <Format>' -ForEach $script:cases {
    BeforeEach {
        $script:folder = Copy-MappingStore
        [System.Globalization.CultureInfo]::CurrentCulture = [System.Globalization.CultureInfo]::GetCultureInfo($Culture)
    }

    AfterEach {
        [System.Globalization.CultureInfo]::CurrentCulture = $script:original
        Remove-Item -LiteralPath $script:folder -Recurse -Force -ErrorAction SilentlyContinue
    }

    It 'syncs reviewed differences to the same units, prices and costs as the live ones' {
        Connect-AtBilling -Sandbox
        $differences = @(Get-AtTransaction -Path $script:export -Month 2026-10 | Compare-AtContract -StatePath $script:folder)
        $reviewed = @(Invoke-RoundTrip -InputObject $differences -Format $Format -Folder $script:folder)

        $errors = $null
        $null = $reviewed | Sync-AtContract -StatePath $script:folder -Confirm:$false -Force -WarningAction SilentlyContinue -ErrorVariable errors

        $errors | Should -BeNullOrEmpty
        @(Get-ContractState) | Should -Be $script:expected
    }

    It 'reads mappings back with the same companies, contracts, choices and dates' {
        Connect-AtBilling -Sandbox
        $before = @(Get-AtContractMapping -StatePath $script:folder) + @(Get-AtServiceMapping -StatePath $script:folder)
        $target = Join-Path -Path $script:folder -ChildPath 'restored.json'

        $errors = $null
        Invoke-RoundTrip -InputObject @(Get-AtContractMapping -StatePath $script:folder) -Format $Format -Folder $script:folder |
            Set-AtContractMapping -StatePath $target -ErrorVariable errors
        Invoke-RoundTrip -InputObject @(Get-AtServiceMapping -StatePath $script:folder) -Format $Format -Folder $script:folder |
            Set-AtServiceMapping -StatePath $target -ErrorVariable +errors

        $errors | Should -BeNullOrEmpty
        $after = @(Get-AtContractMapping -StatePath $target) + @(Get-AtServiceMapping -StatePath $target)
        $properties = 'Source', 'CustomerId', 'Sku', 'CompanyId', 'ContractId', 'CompanyAction', 'ContractAction', 'PricingStrategy',
        'EffectiveDatePolicy', 'SyncStartDate', 'Export', 'ServiceId', 'ProductId', 'Action', 'Excluded', 'NameTemplate'
        $describe = {
            foreach ($mapping in $args[0]) {
                ($properties | ForEach-Object -Process { '{0}={1}' -f $_, $(if ($mapping.PSObject.Properties[$_]) { [string]$mapping.$_ }) }) -join ';'
            }
        }
        @(& $describe $after | Sort-Object) | Should -Be @(& $describe $before | Sort-Object)
    }
}
