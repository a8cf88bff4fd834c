#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

BeforeAll {
    Import-Module -Name (Join-Path -Path $PSScriptRoot -ChildPath 'TestHelpers.psm1') -Force
    Import-BuiltModule
    Connect-AtBilling -Sandbox

    function New-TestDifference {
        [Diagnostics.CodeAnalysis.SuppressMessageAttribute('PSUseShouldProcessForStateChangingFunctions', '', Justification = 'Builds an object in memory.')]
        param(
            [string] $CustomerId,
            [string] $CustomerName,
            [string] $Sku,
            [string] $Kind = 'QuantityChange',
            [decimal] $From,
            [decimal] $To,
            [decimal] $Price
        )
        [pscustomobject]@{
            PSTypeName           = 'Autotask.Billing.ContractDifference'
            DifferenceId         = "$CustomerId-$Sku-$Kind"
            Kind                 = $Kind
            IsActionable         = $true
            Reason               = "Vendor bills $To seats of $Sku, the contract has $From."
            CustomerId           = $CustomerId
            CustomerName         = $CustomerName
            Sku                  = $Sku
            AutotaskQuantity     = $From
            VendorQuantity       = $To
            Currency             = 'EUR'
            AutotaskUnitPrice    = $Price
            VendorUnitPrice      = $Price
            MonthlyRevenueImpact = ($To - $From) * $Price
            MonthlyCostImpact    = [decimal] 0
            EffectiveDate        = [datetime]::SpecifyKind([datetime] '2026-11-01', 'Utc')
            AsOf                 = [datetime]::SpecifyKind([datetime] '2026-10-31', 'Utc')
            RequiresForce        = $false
        }
    }

    function New-TestSyncResult {
        [Diagnostics.CodeAnalysis.SuppressMessageAttribute('PSUseShouldProcessForStateChangingFunctions', '', Justification = 'Builds an object in memory.')]
        param([string] $OperationId, [string] $Status, [string] $ReasonCode = 'None', [string] $Reason)
        [pscustomobject]@{
            PSTypeName    = 'Autotask.Billing.SyncResult'
            RunId         = 'run-1'
            OperationId   = $OperationId
            OperationKind = 'AdjustUnits'
            Status        = $Status
            ReasonCode    = $ReasonCode
            Reason        = $Reason
            CustomerId    = 'C1'
            CustomerName  = 'Contoso Ltd'
            Sku           = 'M365_BP'
        }
    }

    $script:differences = @(
        New-TestDifference -CustomerId 'C1' -CustomerName 'Contoso Ltd' -Sku 'M365_BP' -From 10 -To 15 -Price 246.9
        New-TestDifference -CustomerId 'C2' -CustomerName '<b>&"Co"</b>' -Sku 'M365_E3' -From 4 -To 2 -Price 30
    )
    $script:results = @(
        New-TestSyncResult -OperationId 'op-1' -Status 'Applied' -Reason 'Units set to 15.'
        New-TestSyncResult -OperationId 'op-2' -Status 'Failed' -ReasonCode 'AutotaskError' -Reason 'Autotask refused the adjustment.'
    )
    $script:items = $script:differences + $script:results
    $script:quiet = @(New-TestSyncResult -OperationId 'op-1' -Status 'Applied' -Reason 'Units set to 15.')
}

AfterAll {
    Disconnect-AtBilling -ErrorAction SilentlyContinue
    Get-Module -Name Autotask.Billing | Remove-Module -Force
}

Describe 'Export-AtBillingReport' {
    It 'writes one self-contained HTML page with totals, a chart and escaped values' {
        $path = Join-Path -Path $TestDrive -ChildPath 'report.html'
        $script:items | Export-AtBillingReport -Path $path -Title 'October billing'
        $html = [System.IO.File]::ReadAllText($path)
        $html | Should -Match '<svg'
        $html | Should -Not -Match '<script'
        $html | Should -Not -Match '(src|href)\s*='
        $html | Should -Match ([regex]::Escape('&lt;b&gt;&amp;&quot;Co&quot;&lt;/b&gt;'))
        $html | Should -Not -Match ([regex]::Escape('<b>&"Co"</b>'))
        $html | Should -Match ([regex]::Escape('+1,234.50 EUR'))
        $html.IndexOf('id="totals"') | Should -BeLessThan $html.IndexOf('id="customers"')
    }

    It 'returns the file only with -PassThru' {
        $path = Join-Path -Path $TestDrive -ChildPath 'passthru.html'
        $script:items | Export-AtBillingReport -Path $path | Should -BeNullOrEmpty
        $file = $script:items | Export-AtBillingReport -Path $path -Force -PassThru
        $file | Should -BeOfType ([System.IO.FileInfo])
        $file.FullName | Should -Be (Get-Item -LiteralPath $path).FullName
    }

    It 'writes nothing with -WhatIf' {
        $path = Join-Path -Path $TestDrive -ChildPath 'whatif.html'
        $script:items | Export-AtBillingReport -Path $path -WhatIf | Should -BeNullOrEmpty
        Test-Path -LiteralPath $path | Should -BeFalse
    }

    It 'leaves an existing file alone with -WhatIf even with -Force' {
        $path = Join-Path -Path $TestDrive -ChildPath 'kept.html'
        Set-Content -LiteralPath $path -Value 'previous report'
        $script:items | Export-AtBillingReport -Path $path -Force -WhatIf
        Get-Content -LiteralPath $path | Should -Be 'previous report'
    }

    It 'refuses to overwrite an existing file without -Force, and replaces it with -Force' {
        $path = Join-Path -Path $TestDrive -ChildPath 'existing.html'
        Set-Content -LiteralPath $path -Value 'previous report'
        { $script:items | Export-AtBillingReport -Path $path -ErrorAction Stop } |
            Should -Throw -ErrorId 'ReportFileExists,Autotask.Billing.Commands.ExportAtBillingReportCommand'
        Get-Content -LiteralPath $path | Should -Be 'previous report'
        $script:items | Export-AtBillingReport -Path $path -Force
        [System.IO.File]::ReadAllText($path) | Should -Match '<!DOCTYPE html>'
    }

    It 'takes the format from the extension, and -Format overrides it' {
        $csv = Join-Path -Path $TestDrive -ChildPath 'report.csv'
        $json = Join-Path -Path $TestDrive -ChildPath 'report.txt'
        $script:items | Export-AtBillingReport -Path $csv
        $script:items | Export-AtBillingReport -Path $json -Format Json
        $rows = @(Import-Csv -LiteralPath $csv)
        $rows.Count | Should -Be 4
        ($rows | Where-Object OperationId -EQ 'op-2').Status | Should -Be 'Failed'
        $report = Get-Content -LiteralPath $json -Raw | ConvertFrom-Json
        $report.totals.byCurrency[0].currency | Should -Be 'EUR'
        @($report.items).Count | Should -Be 4
    }

    It 'refuses a file name whose format it cannot tell' {
        { $script:items | Export-AtBillingReport -Path (Join-Path -Path $TestDrive -ChildPath 'report.txt') -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidArgument,Autotask.Billing.Commands.ExportAtBillingReportCommand'
    }

    It 'gives the same report from differences and results re-imported with Import-Csv and Import-Clixml' {
        $differencesCsv = Join-Path -Path $TestDrive -ChildPath 'differences.csv'
        $resultsXml = Join-Path -Path $TestDrive -ChildPath 'results.xml'
        $live = Join-Path -Path $TestDrive -ChildPath 'live.csv'
        $reimported = Join-Path -Path $TestDrive -ChildPath 'reimported.csv'
        $script:differences | Export-Csv -LiteralPath $differencesCsv -NoTypeInformation
        $script:results | Export-Clixml -LiteralPath $resultsXml
        $script:items | Export-AtBillingReport -Path $live
        @(Import-Csv -LiteralPath $differencesCsv) + @(Import-Clixml -LiteralPath $resultsXml) | Export-AtBillingReport -Path $reimported
        [System.IO.File]::ReadAllText($reimported) | Should -BeExactly ([System.IO.File]::ReadAllText($live))
    }

    It 'writes an error for an object it cannot use and reports the rest' {
        $path = Join-Path -Path $TestDrive -ChildPath 'partial.html'
        $errors = $null
        @([pscustomobject]@{ Name = 'not a difference' }) + $script:items |
            Export-AtBillingReport -Path $path -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -Be 'ReportInputInvalid,Autotask.Billing.Commands.ExportAtBillingReportCommand'
        Test-Path -LiteralPath $path | Should -BeTrue
    }

    It 'reports the demo tenant reconciliation and sync' {
        $statePath = New-TestStatePath
        try {
            Connect-AtBilling -Sandbox
            $export = Join-Path -Path (Get-Module -Name Autotask.Billing).ModuleBase -ChildPath 'Samples/demo-export.csv'
            $lines = Get-AtTransaction -Path $export -Month 2026-10
            $null = $lines | New-AtContractMapping -Auto -StatePath $statePath
            $null = $lines | New-AtServiceMapping -Auto -StatePath $statePath
            Set-AtBillingSetting -RecurringBillingCode 'Cloud Services - Recurring' -MaterialBillingCode 'Hardware' -DefaultAccountManager 'alex.morgan' -StatePath $statePath
            $differences = @($lines | Compare-AtContract -StatePath $statePath)
            $results = @($differences | Sync-AtContract -StatePath $statePath -Confirm:$false)
            $path = Join-Path -Path $TestDrive -ChildPath 'demo.html'

            $file = $differences + $results | Export-AtBillingReport -Path $path -Title 'Demo: October 2026' -PassThru

            $file.Length | Should -BeGreaterThan 0
            $html = [System.IO.File]::ReadAllText($path)
            $html | Should -Match 'Demo: October 2026'
            $html | Should -Match 'Litware Inc'
            $html | Should -Match 'Fabrikam Logistics'
            $html | Should -Match '<svg'
            $differences + $results | Send-AtBillingNotification -WebhookUri 'https://hooks.slack.com/services/T000/B000/DemoSecret' -Only Always -WhatIf |
                Should -BeNullOrEmpty
        }
        finally {
            Remove-Item -LiteralPath $statePath -Recurse -Force -ErrorAction SilentlyContinue
        }
    }
}

Describe 'Send-AtBillingNotification' {
    It 'needs a webhook or a mail server' {
        { $script:items | Send-AtBillingNotification -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidArgument,Autotask.Billing.Commands.SendAtBillingNotificationCommand'
    }

    It 'sends nothing with -WhatIf' {
        $script:items | Send-AtBillingNotification -WebhookUri 'https://hooks.slack.com/services/T000/B000/WhatIfSecret' -WhatIf | Should -BeNullOrEmpty
    }

    It 'sends nothing when nothing failed, needs review or changed price' {
        $verbose = $script:quiet | Send-AtBillingNotification -WebhookUri 'http://127.0.0.1:9/services/T000/B000/QuietSecret' -Verbose 4>&1
        ($verbose | Out-String) | Should -Match 'No notification sent'
    }

    It 'reports an unreachable webhook as a non-terminating error that hides its path' {
        $probe = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $probe.Start()
        $port = $probe.LocalEndpoint.Port
        $probe.Stop()
        $errors = $null
        $result = $script:items | Send-AtBillingNotification -WebhookUri "http://127.0.0.1:$port/services/T000/B000/HiddenSecret42" -Confirm:$false -ErrorVariable errors -ErrorAction SilentlyContinue
        $result | Should -BeNullOrEmpty
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -Be 'NotificationFailed,Autotask.Billing.Commands.SendAtBillingNotificationCommand'
        ($errors[0] | Out-String) | Should -Not -Match 'HiddenSecret42'
        $errors[0].Exception.Message | Should -Match ([regex]::Escape("http://127.0.0.1:$port"))
    }
}
