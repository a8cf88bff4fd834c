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
}

AfterAll {
    Disconnect-AtBilling
    Get-Module -Name Autotask.Billing | Remove-Module -Force
}

Describe 'Get-AtTransaction' {
    BeforeAll {
        Connect-AtBilling -Sandbox
    }

    It 'reads the demo export into Transaction objects with decimal money' {
        $lines = @(Get-AtTransaction -Path $script:export -Month 2026-10)
        $lines.Count | Should -BeGreaterThan 10
        $lines[0].PSObject.TypeNames | Should -Contain 'Autotask.Billing.Transaction'
        $lines[0].Quantity | Should -BeOfType ([decimal])
        $lines | Where-Object { -not $_.SourceFile } | Should -BeNullOrEmpty
    }

    It 'binds Import-Csv rows by property name and gives the same lines' {
        $fromFile = @(Get-AtTransaction -Path $script:export -Month 2026-10)
        $fromRows = @(Import-Csv -Path $script:export | Get-AtTransaction -Month 2026-10)
        $fromRows.Count | Should -Be $fromFile.Count
        ($fromRows | Measure-Object -Property Quantity -Sum).Sum | Should -Be ($fromFile | Measure-Object -Property Quantity -Sum).Sum
    }

    It 'binds files from Get-ChildItem' {
        @(Get-Item -LiteralPath $script:export | Get-AtTransaction -Month 2026-10).Count | Should -BeGreaterThan 10
    }

    It 'reports a bad line with its file and line number and, with -AcceptPartialFile, keeps the other customers'' lines' {
        $bad = Join-Path -Path $TestDrive -ChildPath 'bad.csv'
        $text = Get-Content -LiteralPath $script:export
        $columns = $text[0] -split ','
        $quantity = [array]::IndexOf($columns, 'Quantity')
        $broken = $text[1] -split ','
        $broken[$quantity] = 'twelve'
        Set-Content -LiteralPath $bad -Value (@($text[0], ($broken -join ',')) + $text[2..($text.Count - 1)])
        $customer = [array]::IndexOf($columns, 'CustomerId')
        $held = @($text[2..($text.Count - 1)] | Where-Object { ($_ -split ',')[$customer] -eq $broken[$customer] }).Count
        $lines = @(Get-AtTransaction -Path $bad -Month 2026-10 -AcceptPartialFile -ErrorVariable problems -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)
        $lines.Count | Should -Be ($text.Count - 2 - $held)
        $lines | Where-Object CustomerId -EQ $broken[$customer] | Should -BeNullOrEmpty
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -Be 'BillingLineRejected,Autotask.Billing.Commands.GetAtTransactionCommand'
        $problems[0].TargetObject.LineNumber | Should -Be 2
        $problems[0].TargetObject.Column | Should -Be 'Quantity'
    }

    It 'summarises seats in force per customer and SKU' {
        $summary = @(Get-AtTransaction -Path $script:export -Month 2026-10 -Summarize)
        $summary[0].PSObject.TypeNames | Should -Contain 'Autotask.Billing.TransactionSummary'
        $summary | Group-Object -Property Source, CustomerId, Sku | Where-Object Count -GT 1 | Should -BeNullOrEmpty
    }
}

Describe 'The monthly chain Get-AtTransaction | Compare-AtContract | Sync-AtContract' {
    BeforeAll {
        Connect-AtBilling -Sandbox
        $script:state = New-TestStatePath
        $script:lines = @(Get-AtTransaction -Path $script:export -Month 2026-10)
        $script:lines | New-AtContractMapping -Auto -StatePath $script:state | Out-Null
        $script:lines | New-AtServiceMapping -Auto -StatePath $script:state | Out-Null
        Set-AtBillingSetting -RecurringBillingCode 'Cloud Services - Recurring' -MaterialBillingCode 'Hardware' -DefaultAccountManager 'alex.morgan' -StatePath $script:state
    }

    It 'binds transactions into Compare-AtContract and emits differences' {
        $differences = @($script:lines | Compare-AtContract -StatePath $script:state)
        $differences.Count | Should -BeGreaterThan 0
        $differences[0].PSObject.TypeNames | Should -Contain 'Autotask.Billing.ContractDifference'
        $differences.Kind | Should -Contain 'QuantityChange'
    }

    It 'starts reading every company once a line of an unmapped customer comes in, before the lines are compared' {
        # Compare-AtContract reads every company for an unmapped customer's suggestions: from that line on, not at the end.
        # Its lines are taken in on a worker thread, in batches: 60,000 of them come first, so that the worker has
        # taken the first batches in while the pipeline still hands over the rest.
        $demo = @(Get-Content -LiteralPath $script:export)
        $stranger = foreach ($i in 1..60000) {
            'PX8-202610-9{0:D6},0d9e8f70-5a4b-4c3d-8e2f-1a2b3c4d5e99,Northwind Traders,northwind.example,CFQ7TTC0LCHC,Microsoft 365 Business Premium,Microsoft 365 Business Premium - monthly (NCE),Recurring,Licensing,1,26.40,22.00,USD,2026-10-01,2026-10-31,{1},Monthly' -f $i, [guid]::NewGuid()
        }
        $file = Join-Path -Path $TestDrive -ChildPath 'with-stranger.csv'
        Set-Content -LiteralPath $file -Value (@($demo[0]) + $stranger + $demo[1..($demo.Count - 1)])
        $messages = [System.Collections.Generic.List[string]]::new()
        $differences = @(Get-AtTransaction -Path $file -Month 2026-10 | Compare-AtContract -StatePath $script:state -Verbose -ErrorAction Stop 4>&1 |
                ForEach-Object { if ($_ -is [System.Management.Automation.VerboseRecord]) { $messages.Add($_.Message) } else { $_ } })

        $early = @($messages | Where-Object { $_ -like 'A line of an unmapped customer came in*' })
        $early.Count | Should -Be 1
        $comparing = $messages.FindIndex([Predicate[string]] { param($message) $message -like 'Comparing *' })
        $comparing | Should -BeGreaterThan -1
        $messages.IndexOf($early[0]) | Should -BeLessThan $comparing
        ($differences | Where-Object CustomerId -EQ '0d9e8f70-5a4b-4c3d-8e2f-1a2b3c4d5e99').Kind | Should -Be 'UnmappedCustomer'
        $differences.Kind | Should -Contain 'QuantityChange'
    }

    It 'compares a month''s file larger than it keeps in memory as it compares the lines alone' {
        # 60,000 lines of one unmapped customer come first: more than the 2 MB of lines Get-AtTransaction and
        # Compare-AtContract keep in memory, so every demo line after them goes through their temporary files. Contoso's
        # first seats are split in two subscriptions, one before the padding and one after, so that group is summed
        # again at the end, from the file.
        $demo = @(Get-Content -LiteralPath $script:export)
        $first = $demo[1] -split ','
        $partA = (@('PX8-202610-0001A') + $first[1..8] + @('5') + $first[10..14] + @('a3d1e5f0-1111-4c1a-8e01-00000000000a') + $first[16]) -join ','
        $partB = (@('PX8-202610-0001B') + $first[1..8] + @('7') + $first[10..14] + @('a3d1e5f0-1111-4c1a-8e01-00000000000b') + $first[16]) -join ','
        $padding = foreach ($i in 1..60000) {
            'PAD-{0:D6},pad-customer,Padding Customer,pad.example,CFQ7TTC0LCHC,Microsoft 365 Business Premium,Seat,Recurring,Licensing,1,26.40,22.00,USD,2026-10-01,2026-10-31,{1},Monthly' -f $i, [guid]::NewGuid()
        }
        $split = Join-Path -Path $TestDrive -ChildPath 'split-export.csv'
        $large = Join-Path -Path $TestDrive -ChildPath 'large-export.csv'
        Set-Content -LiteralPath $split -Value (@($demo[0], $partA, $partB) + $demo[2..($demo.Count - 1)])
        Set-Content -LiteralPath $large -Value (@($demo[0], $partA) + $padding + $demo[2..($demo.Count - 1)] + @($partB))
        $describe = { '{0}|{1}|{2}|{3}|{4}|{5}|{6}|{7}' -f $_.Kind, $_.CustomerId, $_.Sku, $_.VendorQuantity, $_.AutotaskQuantity, $_.MonthlyRevenueImpact, $_.TransactionIds, $_.Reason }
        $spillFiles = {
            $targets = foreach ($fd in [System.IO.Directory]::GetFiles("/proc/$PID/fd")) {
                try { [System.IO.FileInfo]::new($fd).LinkTarget } catch [System.IO.IOException] { $null }
            }
            @($targets | Where-Object { $_ -like '*Autotask.Billing-*.lines*' })
        }

        $alone = @(Get-AtTransaction -Path $split -Month 2026-10 | Compare-AtContract -StatePath $script:state -IncludeMatch -ErrorAction Stop | ForEach-Object $describe)
        $script:heldInFiles = $null
        $seen = 0
        $differences = @(Get-AtTransaction -Path $large -Month 2026-10 -ErrorAction Stop |
                ForEach-Object { if ((++$seen -eq 60000) -and $IsLinux) { $script:heldInFiles = & $spillFiles }; $_ } |
                Compare-AtContract -StatePath $script:state -IncludeMatch -ErrorAction Stop)

        $padded = @($differences | Where-Object CustomerId -EQ 'pad-customer')
        $padded.Count | Should -Be 1
        $padded[0].Kind | Should -Be 'UnmappedCustomer'
        $padded[0].VendorQuantity | Should -Be 60000
        @($padded[0].TransactionIds -split '; ').Count | Should -Be 60000
        @($differences | Where-Object CustomerId -NE 'pad-customer' | ForEach-Object $describe) | Should -Be $alone
        $alone -join "`n" | Should -Match 'Match\|6f1c2a10-3b7e-4d55-9a0e-1c2f3a4b5c01\|CFQ7TTC0LCHC\|12\|12\|0\|PX8-202610-0001A; PX8-202610-0001B\|'
        if ($IsLinux) {
            # Both commands held lines in a file then, each with no name left (deleted), and none is open now.
            $script:heldInFiles.Count | Should -Be 2
            $script:heldInFiles | ForEach-Object { $_ | Should -Match '\(deleted\)$' }
            & $spillFiles | Should -BeNullOrEmpty
        }
    }

    It 'with -WhatIf writes nothing to Autotask, the mapping store or the journal' {
        $before = Get-ContractState
        $storeBefore = Get-ChildItem -LiteralPath $script:state -Recurse -File | ForEach-Object { '{0}:{1}' -f $_.FullName, $_.LastWriteTimeUtc.Ticks }
        $script:lines | Compare-AtContract -StatePath $script:state | Sync-AtContract -StatePath $script:state -WhatIf
        Get-ContractState | Should -Be $before
        Get-ChildItem -LiteralPath $script:state -Recurse -File | ForEach-Object { '{0}:{1}' -f $_.FullName, $_.LastWriteTimeUtc.Ticks } | Should -Be $storeBefore
        Test-Path -LiteralPath (Join-Path -Path $script:state -ChildPath 'journal') | Should -BeFalse
    }

    It 'survives Export-Csv and Import-Csv between compare and sync' {
        $file = Join-Path -Path $TestDrive -ChildPath 'reviewed.csv'
        $script:lines | Compare-AtContract -StatePath $script:state | Export-Csv -LiteralPath $file -NoTypeInformation
        $reviewed = @(Import-Csv -LiteralPath $file | Sync-AtContract -StatePath $script:state -WhatIf -ErrorAction Stop)
        $reviewed | Should -BeNullOrEmpty
    }

    It 'applies the differences, and a second run has nothing left to change' {
        $results = @($script:lines | Compare-AtContract -StatePath $script:state | Sync-AtContract -StatePath $script:state -Confirm:$false -Force)
        $results.Status | Should -Contain 'Applied'
        $results | Where-Object Status -EQ 'Failed' | Should -BeNullOrEmpty
        $again = @($script:lines | Compare-AtContract -StatePath $script:state | Where-Object IsActionable)
        $again | Should -BeNullOrEmpty
    }

    It 'shows the run in Get-AtSyncHistory' {
        $run = Get-AtSyncHistory -StatePath $script:state -Last 1
        $run.Applied | Should -BeGreaterThan 0
        $run.RunId | Should -Not -BeNullOrEmpty
    }
}
