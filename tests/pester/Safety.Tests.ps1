#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

BeforeAll {
    Import-Module -Name (Join-Path -Path $PSScriptRoot -ChildPath 'TestHelpers.psm1') -Force
    Import-BuiltModule
    $script:export = Join-Path -Path (Get-Module -Name Autotask.Billing).ModuleBase -ChildPath 'Samples/demo-export.csv'

    function Get-ContractState {
        Get-AtContract | Get-AtContractService -AsOf 2026-11-30 |
            Sort-Object -Property ContractServiceId |
            ForEach-Object { '{0}:{1}:{2}:{3}' -f $_.ContractServiceId, $_.Units, $_.UnitPrice, $_.UnitCost }
    }

    # The demo export with one line's quantity unreadable; returns the path and that line's customer id.
    function Copy-ExportWithBadLine {
        param([string] $Name, [string] $Quantity = 'twelve')
        $text = Get-Content -LiteralPath $script:export
        $columns = $text[0] -split ','
        $broken = $text[1] -split ','
        $broken[[array]::IndexOf($columns, 'Quantity')] = $Quantity
        $path = Join-Path -Path $TestDrive -ChildPath $Name
        Set-Content -LiteralPath $path -Value (@($text[0], ($broken -join ',')) + $text[2..($text.Count - 1)])
        [pscustomobject]@{ Path = $path; CustomerId = $broken[[array]::IndexOf($columns, 'CustomerId')] }
    }
}

AfterAll {
    Disconnect-AtBilling
    Get-Module -Name Autotask.Billing | Remove-Module -Force
}

Describe 'Bad billing files stop safely' {
    BeforeAll {
        Connect-AtBilling -Sandbox
        $script:state = New-TestStatePath
        $lines = @(Get-AtTransaction -Path $script:export -Month 2026-10)
        $lines | New-AtContractMapping -Auto -StatePath $script:state | Out-Null
        $lines | New-AtServiceMapping -Auto -StatePath $script:state | Out-Null
        Set-AtBillingSetting -RecurringBillingCode 'Cloud Services - Recurring' -MaterialBillingCode 'Hardware' -DefaultAccountManager 'alex.morgan' -StatePath $script:state
    }

    It 'refuses a file with a rejected line in Compare-AtContract -Path, and nothing is written' {
        $bad = Copy-ExportWithBadLine -Name 'bad.csv'
        $before = Get-ContractState
        { Compare-AtContract -Path $bad.Path -Month 2026-10 -StatePath $script:state -ErrorAction SilentlyContinue | Sync-AtContract -StatePath $script:state -Confirm:$false -Force } |
            Should -Throw -ErrorId 'BillingFileRejected,Autotask.Billing.Commands.CompareAtContractCommand'
        Get-ContractState | Should -Be $before
    }

    It 'refuses the good lines of that file in Get-AtTransaction, read from the file or from Import-Csv rows' {
        $bad = Copy-ExportWithBadLine -Name 'piped.csv'
        $before = Get-ContractState
        { Get-AtTransaction -Path $bad.Path -Month 2026-10 -ErrorAction SilentlyContinue | Compare-AtContract -StatePath $script:state | Sync-AtContract -StatePath $script:state -Confirm:$false -Force } |
            Should -Throw -ErrorId 'BillingFileRejected,Autotask.Billing.Commands.GetAtTransactionCommand'
        { Import-Csv -LiteralPath $bad.Path | Get-AtTransaction -Month 2026-10 -ErrorAction SilentlyContinue | Compare-AtContract -StatePath $script:state } |
            Should -Throw -ErrorId 'BillingFileRejected,Autotask.Billing.Commands.GetAtTransactionCommand'
        $emitted = @()
        try { Get-AtTransaction -Path $bad.Path -Month 2026-10 -ErrorVariable problems -ErrorAction SilentlyContinue | ForEach-Object { $emitted += $_ } } catch { $refusal = $_ }
        $problems.FullyQualifiedErrorId | Should -Contain 'BillingLineRejected,Autotask.Billing.Commands.GetAtTransactionCommand'
        $refusal.FullyQualifiedErrorId | Should -Be 'BillingFileRejected,Autotask.Billing.Commands.GetAtTransactionCommand'
        $emitted | Should -BeNullOrEmpty
        Get-ContractState | Should -Be $before
    }

    It 'with Get-AtTransaction -AcceptPartialFile emits the rest but the customer of the rejected line, and Compare-AtContract holds that customer back' {
        $bad = Copy-ExportWithBadLine -Name 'accepted.csv'
        $lines = @(Get-AtTransaction -Path $bad.Path -Month 2026-10 -AcceptPartialFile -ErrorAction SilentlyContinue -WarningVariable held -WarningAction SilentlyContinue)
        $lines.Count | Should -BeGreaterThan 0
        $lines | Where-Object CustomerId -EQ $bad.CustomerId | Should -BeNullOrEmpty
        ($held -join ' ') | Should -Match ([regex]::Escape($bad.CustomerId))
        $differences = @($lines | Compare-AtContract -StatePath $script:state -WarningAction SilentlyContinue)
        $differences.Count | Should -BeGreaterThan 0
        $differences | Where-Object CustomerId -EQ $bad.CustomerId | Should -BeNullOrEmpty
    }

    It 'with -AcceptPartialFile compares the rest and holds back the customer of the rejected line, in the summary too' {
        $bad = Copy-ExportWithBadLine -Name 'partial.csv'
        $output = @(Compare-AtContract -Path $bad.Path -Month 2026-10 -StatePath $script:state -AcceptPartialFile -Summary -ErrorAction SilentlyContinue -WarningVariable held -WarningAction SilentlyContinue)
        $differences = @($output | Where-Object { $_ -is [Autotask.Billing.ContractDifference] })
        $summary = $output[-1]
        $differences.Count | Should -BeGreaterThan 0
        $differences | Where-Object CustomerId -EQ $bad.CustomerId | Should -BeNullOrEmpty
        ($held -join ' ') | Should -Match ([regex]::Escape($bad.CustomerId))
        $summary | Should -BeOfType ([Autotask.Billing.ComparisonSummary])
        $summary.Differences | Should -Be $differences.Count
        $summary.Actionable | Should -Be @($differences | Where-Object IsActionable).Count
        $summary.MonthlyRevenueImpact | Should -Be ($differences | Where-Object IsActionable | Measure-Object -Property MonthlyRevenueImpact -Sum).Sum
        $summary.HeldBackCustomers | Should -Be 1
        $summary.HeldBackDifferences | Should -BeGreaterThan 0
    }

    It 'stops on a file whose unquoted thousands separator shifts the columns, naming file, line and column' {
        $bad = Copy-ExportWithBadLine -Name 'thousands.csv' -Quantity '1,250'
        { $null = Get-AtTransaction -Path $bad.Path -Month 2026-10 -ErrorVariable script:problems -ErrorAction SilentlyContinue } |
            Should -Throw -ErrorId 'BillingFileRejected,Autotask.Billing.Commands.GetAtTransactionCommand'
        $problems = $script:problems
        $problems[0].FullyQualifiedErrorId | Should -Be 'BillingLineRejected,Autotask.Billing.Commands.GetAtTransactionCommand'
        $problems[0].TargetObject.Reason | Should -Be 'FieldCount'
        $problems[0].Exception.Message | Should -Match 'thousands\.csv:2:\d+ \[FieldCount\]'
    }

    It 'reports an empty billing file (only a header, or no byte at all) once, naming it and why, in Get-AtTransaction and Compare-AtContract -Path' {
        $headerOnly = Join-Path -Path $TestDrive -ChildPath 'header-only-once.csv'
        Set-Content -LiteralPath $headerOnly -Value (Get-Content -LiteralPath $script:export -TotalCount 1)
        $noBytes = Join-Path -Path $TestDrive -ChildPath 'no-bytes.csv'
        [System.IO.File]::WriteAllBytes($noBytes, [byte[]]@())
        # Dot-sourced, so -ErrorVariable fills this scope's $problems: only the command's own errors count, not the session's.
        $reads = @(
            @{ Command = 'GetAtTransactionCommand'; Read = { Get-AtTransaction -Path $file -Month 2026-10 -ErrorAction SilentlyContinue -ErrorVariable problems } }
            @{ Command = 'CompareAtContractCommand'; Read = { Compare-AtContract -Path $file -Month 2026-10 -StatePath $script:state -ErrorAction SilentlyContinue -ErrorVariable problems } }
        )
        foreach ($file in $headerOnly, $noBytes) {
            foreach ($read in $reads) {
                $problems = @()
                $thrown = $null
                $emitted = @()
                try { $emitted = @(. $read.Read) } catch { $thrown = $_ }
                # -ErrorVariable keeps the terminating error as the exception that carried it: take its record.
                $seen = @($problems | ForEach-Object { if ($_ -is [System.Management.Automation.ErrorRecord]) { $_ } else { $_.ErrorRecord } })
                $thrown.FullyQualifiedErrorId | Should -Be "BillingFileRejected,Autotask.Billing.Commands.$($read.Command)"
                $emitted | Should -BeNullOrEmpty
                $seen.Count | Should -Be 1 -Because "$($read.Command) reads $file"
                $seen[0].FullyQualifiedErrorId | Should -Be "BillingFileRejected,Autotask.Billing.Commands.$($read.Command)"
                $seen[0].Exception.Message | Should -Match ([regex]::Escape($file) + ': it has no billing lines')
                $seen[0].Exception.Message | Should -Not -Match 'AcceptPartialFile'
            }
        }
    }

    It 'stops on a path that matches no file and on a header-only file' {
        { Compare-AtContract -Path (Join-Path -Path $TestDrive -ChildPath 'none-*.csv') -StatePath $script:state } |
            Should -Throw -ErrorId 'PathNotFound,Autotask.Billing.Commands.CompareAtContractCommand'
        $headerOnly = Join-Path -Path $TestDrive -ChildPath 'header-only.csv'
        Set-Content -LiteralPath $headerOnly -Value (Get-Content -LiteralPath $script:export -TotalCount 1)
        { Compare-AtContract -Path $headerOnly -StatePath $script:state -ErrorAction SilentlyContinue } |
            Should -Throw -ErrorId 'BillingFileRejected,Autotask.Billing.Commands.CompareAtContractCommand'
        $null = Get-AtTransaction -Path (Join-Path -Path $TestDrive -ChildPath 'none-*.csv') -ErrorVariable missing -ErrorAction SilentlyContinue
        $missing[0].FullyQualifiedErrorId | Should -Be 'PathNotFound,Autotask.Billing.Commands.GetAtTransactionCommand'
    }
}

Describe 'One sync per database' {
    It 'stops with SyncInProgress naming the holder when another process holds the sync lock' {
        Connect-AtBilling -Sandbox
        $state = New-TestStatePath
        $store = Join-Path -Path $state -ChildPath 'mappings.json'
        # When pwsh runs as a dotnet tool the current process is dotnet: take pwsh from $PSHOME.
        $pwsh = Join-Path -Path $PSHOME -ChildPath $(if ($IsWindows) { 'pwsh.exe' } else { 'pwsh' })
        if (-not (Test-Path -LiteralPath $pwsh)) { $pwsh = (Get-Command -Name pwsh -CommandType Application -ErrorAction Stop | Select-Object -First 1).Source }
        $ready = Join-Path -Path $state -ChildPath 'ready'
        $holder = Start-Process -FilePath $pwsh -PassThru -ArgumentList @('-NoProfile', '-NonInteractive', '-Command',
            "`$s = [System.IO.File]::Open('$store.sync.lock', 'OpenOrCreate', 'ReadWrite', 'None'); New-Item -ItemType File -Path '$ready' | Out-Null; Start-Sleep -Seconds 60")
        try {
            $deadline = [DateTime]::UtcNow.AddSeconds(30)
            while (-not (Test-Path -LiteralPath $ready) -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 100 }
            # The owner record a holding sync writes beside its lock.
            @{ processId = $holder.Id; processName = 'pwsh'; machineName = [Environment]::MachineName; sinceUtc = '2026-11-30T00:00:00Z' } |
                ConvertTo-Json -Compress | Set-Content -LiteralPath "$store.sync.lock.owner"
            $error.Clear()
            { @() | Sync-AtContract -StatePath $store -LockWaitSeconds 1 -Confirm:$false } |
                Should -Throw -ErrorId 'SyncInProgress,Autotask.Billing.Commands.SyncAtContractCommand'
            $error[0].Exception.Message | Should -Match "pid $($holder.Id)"
        }
        finally {
            Stop-Process -Id $holder.Id -Force -ErrorAction SilentlyContinue
        }
    }

    It 'stops Sync-AtCompany, Sync-AtProduct and Sync-AtQuote with SyncInProgress while the lock is held, writing nothing; each push runs once it is free' {
        $state = New-TestStatePath
        $store = Join-Path -Path $state -ChildPath 'mappings.json'
        # The sandbox saves its tables to this file after every write it accepts: what it holds, not what the client saw.
        $sandboxFile = Join-Path -Path $TestDrive -ChildPath 'sandbox.json'
        Connect-AtBilling -Sandbox -SandboxPath $sandboxFile
        function Get-SandboxTable {
            $tables = (Get-Content -LiteralPath $sandboxFile -Raw | ConvertFrom-Json).tables
            foreach ($name in 'Companies', 'Products', 'Quotes', 'QuoteItems', 'Opportunities') {
                if ($null -eq $tables.$name) { throw "The sandbox state has no $name table." }
                $name + ': ' + ($tables.$name | ConvertTo-Json -Depth 20 -Compress)
            }
        }
        # Another run's lock: the file opened without sharing, as SyncLock opens it (in this process or another, it excludes).
        function Invoke-WhileLocked {
            param([scriptblock] $Action)
            $held = [System.IO.File]::Open("$store.sync.lock", 'OpenOrCreate', 'ReadWrite', 'None')
            try { & $Action } finally { $held.Dispose() }
        }
        $samples = Join-Path -Path (Get-Module -Name Autotask.Billing).ModuleBase -ChildPath 'Samples'
        Set-AtBillingSetting -DefaultAccountManager 'alex.morgan' -MaterialBillingCode 'Hardware' -StatePath $store
        $storeBefore = (Get-FileHash -LiteralPath $store).Hash
        $companies = @(Get-AtCompany -IncludeInactive).Count
        $sandboxBefore = @(Get-SandboxTable)
        $customers = @(Get-AtCustomer -Path (Join-Path -Path $samples -ChildPath 'demo-customers.csv'))
        $pushes = @(
            @{ Name = 'SyncAtCompanyCommand'; Push = { $customers | Sync-AtCompany -DefaultPhone '555-555-5555' -StatePath $store -LockWaitSeconds 1 -Confirm:$false } }
            @{ Name = 'SyncAtProductCommand'; Push = { Sync-AtProduct -Path (Join-Path -Path $samples -ChildPath 'demo-products.csv') -DefaultCategory 'Hardware' -StatePath $store -LockWaitSeconds 1 -Confirm:$false } }
        )
        $quotePush = @{ Name = 'SyncAtQuoteCommand'; Push = { Sync-AtQuote -Path (Join-Path -Path $samples -ChildPath 'demo-quotes.csv') -SalesRep @{ jsmith = 'alex.morgan' } -StatePath $store -LockWaitSeconds 1 -Confirm:$false } }

        Invoke-WhileLocked {
            foreach ($push in $pushes) {
                $push.Push | Should -Throw -ErrorId "SyncInProgress,Autotask.Billing.Commands.$($push.Name)"
            }
            # -WhatIf takes no lock.
            $customers | Sync-AtCompany -DefaultPhone '555-555-5555' -StatePath $store -LockWaitSeconds 1 -WhatIf
        }

        @(Get-AtCompany -IncludeInactive).Count | Should -Be $companies
        @(Get-SandboxTable) | Should -Be $sandboxBefore
        (Get-FileHash -LiteralPath $store).Hash | Should -Be $storeBefore
        Test-Path -LiteralPath (Join-Path -Path $state -ChildPath 'journal') | Should -BeFalse
        foreach ($push in $pushes) {
            $results = @(& $push.Push)
            @($results | Where-Object Status -EQ 'Applied').Count | Should -BeGreaterThan 0 -Because "$($push.Name) runs once the lock is free"
        }
        @(Get-AtCompany -IncludeInactive).Count | Should -BeGreaterThan $companies

        # With its customers and catalog items in Autotask now, the quote push has work to do: the lock holds it back too.
        $storeBefore = (Get-FileHash -LiteralPath $store).Hash
        $sandboxBefore = @(Get-SandboxTable)
        Invoke-WhileLocked {
            $quotePush.Push | Should -Throw -ErrorId "SyncInProgress,Autotask.Billing.Commands.$($quotePush.Name)"
        }

        @(Get-SandboxTable) | Should -Be $sandboxBefore
        (Get-FileHash -LiteralPath $store).Hash | Should -Be $storeBefore
        $results = @(& $quotePush.Push)
        @($results | Where-Object { $_.Status -eq 'Applied' -and $_.OperationKind -eq 'CreateQuote' }).Count | Should -BeGreaterThan 0
        @(Get-SandboxTable) | Should -Not -Be $sandboxBefore
    }
}
