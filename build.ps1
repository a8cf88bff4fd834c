#Requires -Version 7.4
<#
.SYNOPSIS
    Builds, tests, demonstrates, documents and packages the Autotask.Billing module.
.DESCRIPTION
    Build    dotnet build -c Release; the loadable module lands in out/Autotask.Billing/.
    Test     Build, then every test: the xunit projects (dotnet test) and every Pester suite in tests/pester, in this
             PowerShell. Ends with one line counting both: 'tests: N passed, N failed, N skipped'.
    Pester   The Pester suites alone, against the module already in out/.
    Analyze  PSScriptAnalyzer over every .ps1/.psm1/.psd1 with PSScriptAnalyzerSettings.psd1; fails on any finding.
    Demo     Build, import the module from out/, connect to the embedded sandbox and run the monthly workflow.
    Docs     Refresh docs/*.md from the built cmdlets and build the MAML and about topic in docs/en-US
             (tests/Autotask.Billing.HelpBuilder), rebuild so out/ carries them, then check the markdown with platyPS v2
             (Test-MarkdownCommandHelp) and the help as Get-Help shows it (tests/pester/Help.Tests.ps1).
    Package  Build, then zip out/Autotask.Billing into out/Autotask.Billing.<version>.zip.

    Pester comes from NuGet through tests/pester/restore (no Install-Module needed). PSScriptAnalyzer, platyPS and the
    SecretManagement modules are taken from ../shared/tools/Modules when that folder exists, else from the modules
    installed for this user (Install-Module PSScriptAnalyzer, Microsoft.PowerShell.PlatyPS, ...).
.EXAMPLE
    dotnet tool restore; dotnet pwsh ./build.ps1 -Task Demo
.EXAMPLE
    dotnet tool restore; dotnet pwsh ./build.ps1 -Task Test
#>
[Diagnostics.CodeAnalysis.SuppressMessageAttribute('PSAvoidUsingWriteHost', '', Justification = 'A build script talks to the person at the console.')]
[Diagnostics.CodeAnalysis.SuppressMessageAttribute('PSReviewUnusedParameter', 'Configuration', Justification = 'Used by the task functions.')]
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Pester', 'Analyze', 'Demo', 'Docs', 'Package')]
    [string[]] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$repositoryRoot = $PSScriptRoot
$solution = Join-Path -Path $repositoryRoot -ChildPath 'AutotaskBilling.sln'
$moduleFolder = Join-Path -Path $repositoryRoot -ChildPath 'out/Autotask.Billing'
$manifestPath = Join-Path -Path $moduleFolder -ChildPath 'Autotask.Billing.psd1'
$sharedModules = Join-Path -Path $repositoryRoot -ChildPath '../shared/tools/Modules'
$script:testCounts = $null

function Invoke-Native {
    param([string] $FilePath, [string[]] $ArgumentList)
    # To the console, never into the output of the function that called it.
    & $FilePath @ArgumentList | Out-Host
    if ($LASTEXITCODE -ne 0) {
        throw "'$FilePath $($ArgumentList -join ' ')' failed with exit code $LASTEXITCODE."
    }
}

function Add-SharedModulePath {
    # Put ../shared/tools/Modules first for this process and the pwsh processes it starts.
    if (Test-Path -LiteralPath $sharedModules) {
        $path = (Resolve-Path -LiteralPath $sharedModules).Path
        if (($env:PSModulePath -split [IO.Path]::PathSeparator) -notcontains $path) {
            $env:PSModulePath = $path + [IO.Path]::PathSeparator + $env:PSModulePath
        }
    }
}

function Import-RequiredModule {
    param([string] $Name, [int] $MinimumMajor)
    Add-SharedModulePath
    $module = Get-Module -ListAvailable -Name $Name | Where-Object { $_.Version.Major -ge $MinimumMajor } |
        Sort-Object -Property Version -Descending | Select-Object -First 1
    if (-not $module) {
        throw "$Name $MinimumMajor.x is not available: Install-Module $Name (or place it in ../shared/tools/Modules)."
    }
    Import-Module -ModuleInfo $module -Global
}

function Import-Pester {
    # The version lives in one place: the PackageDownload of tests/pester/restore.
    $project = Join-Path -Path $repositoryRoot -ChildPath 'tests/pester/restore/PesterRestore.csproj'
    Invoke-Native -FilePath 'dotnet' -ArgumentList @('restore', $project, '--nologo', '--verbosity', 'quiet')
    $version = ([xml](Get-Content -LiteralPath $project -Raw)).Project.ItemGroup.PackageDownload.Version.Trim('[', ']')
    $packages = $env:NUGET_PACKAGES
    if (-not $packages) {
        $packages = (& dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', ''
    }
    $pester = Join-Path -Path $packages -ChildPath "pester/$version/tools/Pester.psd1"
    if (-not (Test-Path -LiteralPath $pester)) {
        throw "Pester $version was restored, but $pester is missing."
    }
    Get-Module -Name Pester | Remove-Module -Force
    Import-Module -Name $pester -Global
}

function Invoke-BuildTask {
    Invoke-Native -FilePath 'dotnet' -ArgumentList @('build', $solution, '-c', $Configuration, '--nologo')
}

function Invoke-XunitSuite {
    $results = Join-Path -Path $repositoryRoot -ChildPath ('out/TestResults/' + [guid]::NewGuid().ToString('N'))
    & dotnet test $solution -c $Configuration --no-build --nologo --logger 'trx' --results-directory $results | Out-Host
    $exitCode = $LASTEXITCODE
    $counts = @{ Passed = 0; Failed = 0; Skipped = 0 }
    foreach ($trx in Get-ChildItem -Path $results -Filter '*.trx' -File -ErrorAction SilentlyContinue) {
        $counters = ([xml](Get-Content -LiteralPath $trx.FullName -Raw)).TestRun.ResultSummary.Counters
        $counts.Passed += [int]$counters.passed
        $counts.Failed += [int]$counters.failed + [int]$counters.error + [int]$counters.timeout + [int]$counters.aborted
        $counts.Skipped += [int]$counters.notExecuted
    }
    if ($exitCode -ne 0 -and $counts.Failed -eq 0) {
        # dotnet test failed without a failed test (a crashed host, a missing assembly): count it as a failure.
        $counts.Failed = 1
    }
    $counts
}

function Invoke-PesterSuite {
    Import-Pester
    Add-SharedModulePath
    # The suites run as a user's shell runs them, not under this script's strict mode and stop-on-error preference.
    Set-StrictMode -Off
    $ErrorActionPreference = 'Continue'
    $configuration = New-PesterConfiguration
    $configuration.Run.Path = Join-Path -Path $repositoryRoot -ChildPath 'tests/pester'
    $configuration.Run.Exit = $false
    $configuration.Run.PassThru = $true
    $configuration.Output.Verbosity = 'Detailed'
    $result = Invoke-Pester -Configuration $configuration
    @{
        Passed  = $result.PassedCount
        Failed  = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
        Skipped = $result.SkippedCount + $result.NotRunCount
    }
}

function Add-TestCount {
    param([hashtable] $Counts, [string] $Suite)
    Write-Host ("{0}: {1} passed, {2} failed, {3} skipped" -f $Suite, $Counts.Passed, $Counts.Failed, $Counts.Skipped)
    if (-not $script:testCounts) {
        $script:testCounts = @{ Passed = 0; Failed = 0; Skipped = 0 }
    }
    foreach ($key in 'Passed', 'Failed', 'Skipped') {
        $script:testCounts[$key] += $Counts[$key]
    }
}

function Invoke-PesterTask {
    Add-TestCount -Counts (Invoke-PesterSuite) -Suite 'pester'
}

function Invoke-TestTask {
    Invoke-BuildTask
    Add-TestCount -Counts (Invoke-XunitSuite) -Suite 'xunit'
    Invoke-PesterTask
}

function Invoke-AnalyzeTask {
    Import-RequiredModule -Name PSScriptAnalyzer -MinimumMajor 1
    $settings = Join-Path -Path $repositoryRoot -ChildPath 'PSScriptAnalyzerSettings.psd1'
    # The root Autotask.Billing.psd1 is the template the build stamps; its FormatsToProcess exists only in out/, so the
    # manifest the module ships is the one analysed.
    if (-not (Test-Path -LiteralPath $manifestPath)) {
        Invoke-BuildTask
    }
    $template = Join-Path -Path $repositoryRoot -ChildPath 'Autotask.Billing.psd1'
    $sources = Get-ChildItem -Path $repositoryRoot -Recurse -Include '*.ps1', '*.psm1', '*.psd1' -File |
        Where-Object { $_.FullName -notmatch '[\\/](out|bin|obj|TestResults)[\\/]' -and $_.FullName -ne $template }
    $files = @($sources) + (Get-Item -LiteralPath $manifestPath)
    $findings = @($files | ForEach-Object { Invoke-ScriptAnalyzer -Path $_.FullName -Settings $settings })
    $blocking = @($findings | Where-Object { $_.Severity -in 'Warning', 'Error', 'ParseError' })
    Write-Host "PSScriptAnalyzer: $($files.Count) files, $($blocking.Count) finding(s) at Warning or Error, $($findings.Count - $blocking.Count) at Information."
    if ($findings.Count -gt 0) {
        $findings | Format-Table -Property Severity, RuleName, ScriptName, Line, Message -AutoSize -Wrap | Out-String -Width 200 | Write-Host
    }
    if ($blocking.Count -gt 0) {
        throw "PSScriptAnalyzer reported $($blocking.Count) finding(s) at Warning or Error."
    }
}

function Invoke-DemoTask {
    Invoke-BuildTask
    & (Join-Path -Path $repositoryRoot -ChildPath 'docs/examples/Invoke-Demo.ps1') -ModulePath $manifestPath
}

function Invoke-DocsTask {
    $helpBuilder = Join-Path -Path $repositoryRoot -ChildPath 'tests/Autotask.Billing.HelpBuilder'
    # Syntax, parameter yaml, inputs and outputs from the built cmdlets with the prose kept (its project reference
    # builds the module first), then the MAML and the about topic. platyPS v2 is not used to write them: its
    # Update-MarkdownCommandHelp merges the installed help into the prose a second time, and its
    # Export-MamlCommandHelp leaves every example's code empty (fenced markdown in the introduction; PowerShell/platyPS
    # issues 792 and 799, closed by design). It checks the markdown instead: tests/pester/Help.Tests.ps1.
    Invoke-Native -FilePath 'dotnet' -ArgumentList @('run', '--project', $helpBuilder, '-c', $Configuration, '--', 'update-markdown')
    Invoke-Native -FilePath 'dotnet' -ArgumentList @('run', '--project', $helpBuilder, '-c', $Configuration, '--no-build', '--', 'build-maml')
    Invoke-BuildTask
    Import-Pester
    Add-SharedModulePath
    $result = Invoke-Pester -Path (Join-Path -Path $repositoryRoot -ChildPath 'tests/pester/Help.Tests.ps1') -PassThru -Output Detailed
    if ($result.FailedCount -gt 0) {
        throw "The help is not right: $($result.FailedCount) check(s) of tests/pester/Help.Tests.ps1 failed."
    }
}

function Invoke-PackageTask {
    Invoke-BuildTask
    $version = (Import-PowerShellDataFile -Path $manifestPath).ModuleVersion
    $archive = Join-Path -Path $repositoryRoot -ChildPath "out/Autotask.Billing.$version.zip"
    Compress-Archive -Path $moduleFolder -DestinationPath $archive -Force
    Write-Host "Packaged $archive"
}

foreach ($name in $Task) {
    Write-Host "==> $name" -ForegroundColor Cyan
    & "Invoke-$($name)Task"
}

if ($script:testCounts) {
    $summary = 'tests: {0} passed, {1} failed, {2} skipped' -f $script:testCounts.Passed, $script:testCounts.Failed, $script:testCounts.Skipped
    $summaryFile = Join-Path -Path $repositoryRoot -ChildPath 'out/test-summary.txt'
    Set-Content -LiteralPath $summaryFile -Value $summary
    Write-Host $summary
    if ($script:testCounts.Failed -gt 0) {
        throw "$($script:testCounts.Failed) test(s) failed."
    }
}
