#Requires -Version 7.4
<#
.SYNOPSIS
    Builds, tests, demonstrates, documents and packages the Autotask.Billing module.
.DESCRIPTION
    Build    dotnet build -c Release; the loadable module lands in out/Autotask.Billing/.
    Test     Build, then dotnet test, then the Pester suite when Pester 5 is installed.
    Pester   The Pester suite alone, against the module already in out/.
    Analyze  PSScriptAnalyzer over every .ps1/.psm1/.psd1 with PSScriptAnalyzerSettings.psd1, when installed.
    Demo     Build, import the module from out/, connect to the embedded sandbox and run the monthly workflow.
    Docs     Regenerate the MAML help in docs/en-US from docs/*.md with platyPS, when installed.
    Package  Build, then zip out/Autotask.Billing into out/Autotask.Billing.<version>.zip.
.EXAMPLE
    ./build.ps1 -Task Demo
#>
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

function Invoke-Native {
    param([string] $FilePath, [string[]] $ArgumentList)
    & $FilePath @ArgumentList
    if ($LASTEXITCODE -ne 0) {
        throw "'$FilePath $($ArgumentList -join ' ')' failed with exit code $LASTEXITCODE."
    }
}

function Invoke-BuildTask {
    Invoke-Native -FilePath 'dotnet' -ArgumentList @('build', $solution, '-c', $Configuration, '--nologo')
}

function Invoke-PesterTask {
    $pester = Get-Module -ListAvailable -Name Pester | Where-Object { $_.Version.Major -ge 5 } | Sort-Object -Property Version -Descending | Select-Object -First 1
    if (-not $pester) {
        Write-Warning 'Pester 5 is not installed: skipping tests/pester (Install-Module Pester -MinimumVersion 5.0).'
        return
    }
    Import-Module -ModuleInfo $pester
    $configuration = New-PesterConfiguration
    $configuration.Run.Path = Join-Path -Path $repositoryRoot -ChildPath 'tests/pester'
    $configuration.Run.Exit = $false
    $configuration.Run.PassThru = $true
    $configuration.Output.Verbosity = 'Detailed'
    $result = Invoke-Pester -Configuration $configuration
    if ($result.FailedCount -gt 0) {
        throw "$($result.FailedCount) Pester test(s) failed."
    }
}

function Invoke-TestTask {
    Invoke-BuildTask
    Invoke-Native -FilePath 'dotnet' -ArgumentList @('test', $solution, '-c', $Configuration, '--no-build', '--nologo')
    Invoke-PesterTask
}

function Invoke-AnalyzeTask {
    if (-not (Get-Module -ListAvailable -Name PSScriptAnalyzer)) {
        Write-Warning 'PSScriptAnalyzer is not installed: skipping analysis (Install-Module PSScriptAnalyzer).'
        return
    }
    $settings = Join-Path -Path $repositoryRoot -ChildPath 'PSScriptAnalyzerSettings.psd1'
    $files = Get-ChildItem -Path $repositoryRoot -Recurse -Include '*.ps1', '*.psm1', '*.psd1' -File |
        Where-Object { $_.FullName -notmatch '[\\/](out|bin|obj)[\\/]' }
    $findings = $files | ForEach-Object { Invoke-ScriptAnalyzer -Path $_.FullName -Settings $settings }
    if ($findings) {
        $findings | Format-Table -AutoSize | Out-String | Write-Host
        throw "PSScriptAnalyzer reported $(@($findings).Count) finding(s)."
    }
}

function Invoke-DemoTask {
    Invoke-BuildTask
    & (Join-Path -Path $repositoryRoot -ChildPath 'docs/examples/Invoke-Demo.ps1') -ModulePath $manifestPath
}

function Invoke-DocsTask {
    $platyPS = Get-Module -ListAvailable -Name Microsoft.PowerShell.PlatyPS | Sort-Object -Property Version -Descending | Select-Object -First 1
    if (-not $platyPS) {
        Write-Warning 'Microsoft.PowerShell.PlatyPS 1.x is not installed: the committed help in docs/en-US is kept as it is.'
        return
    }
    Import-Module -ModuleInfo $platyPS
    $commandHelp = Get-ChildItem -Path (Join-Path -Path $repositoryRoot -ChildPath 'docs') -Filter '*-*.md' | Import-MarkdownCommandHelp -Path { $_.FullName }
    $commandHelp | Export-MamlCommandHelp -OutputFolder (Join-Path -Path $repositoryRoot -ChildPath 'docs/en-US') -Force | Out-Null
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
