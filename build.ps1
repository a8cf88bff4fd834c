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
    Docs     Refresh docs/*.md from the built cmdlets and rebuild the help in docs/en-US: with platyPS 1.x when
             installed, else with tests/Autotask.Billing.HelpBuilder (see docs/README.md).
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
    $docs = Join-Path -Path $repositoryRoot -ChildPath 'docs'
    $helpBuilder = Join-Path -Path $repositoryRoot -ChildPath 'tests/Autotask.Billing.HelpBuilder'
    $platyPS = Get-Module -ListAvailable -Name Microsoft.PowerShell.PlatyPS | Where-Object { $_.Version.Major -ge 1 } | Sort-Object -Property Version -Descending | Select-Object -First 1
    if (-not $platyPS) {
        Write-Warning 'Microsoft.PowerShell.PlatyPS 1.x is not installed: regenerating the help with tests/Autotask.Billing.HelpBuilder.'
        # Its project reference builds the module first, so the markdown follows the cmdlets as they are now.
        Invoke-Native -FilePath 'dotnet' -ArgumentList @('run', '--project', $helpBuilder, '-c', $Configuration, '--', 'update-markdown')
        Invoke-Native -FilePath 'dotnet' -ArgumentList @('run', '--project', $helpBuilder, '-c', $Configuration, '--no-build', '--', 'build-maml')
        return
    }

    Invoke-BuildTask
    Import-Module -ModuleInfo $platyPS
    $module = Import-Module -Name $manifestPath -Force -PassThru
    $staging = Join-Path -Path ([System.IO.Path]::GetTempPath()) -ChildPath ('atbilling-docs-' + [guid]::NewGuid().ToString('N'))
    try {
        foreach ($command in $module.ExportedCmdlets.Values) {
            $markdown = Join-Path -Path $docs -ChildPath "$($command.Name).md"
            if (Test-Path -LiteralPath $markdown) {
                Update-MarkdownCommandHelp -LiteralPath $markdown -NoBackup | Out-Null
            }
            else {
                $created = New-MarkdownCommandHelp -Command $command -OutputFolder $staging -Force
                Move-Item -LiteralPath $created.FullName -Destination $markdown
                Write-Warning "Created docs/$($command.Name).md: write its synopsis, description, parameter descriptions and two examples."
            }
        }

        $commandHelp = Get-ChildItem -Path $docs -Filter '*-*.md' -File | ForEach-Object { Import-MarkdownCommandHelp -Path $_.FullName }
        # platyPS names the file after the module; Get-Help looks for it under the cmdlet assembly's name.
        $maml = $commandHelp | Export-MamlCommandHelp -OutputFolder $staging -Force | Select-Object -First 1
        Copy-Item -LiteralPath $maml.FullName -Destination (Join-Path -Path $docs -ChildPath 'en-US/Autotask.Billing.dll-Help.xml') -Force
    }
    finally {
        Remove-Module -Name Autotask.Billing -Force -ErrorAction SilentlyContinue
        Remove-Item -LiteralPath $staging -Recurse -Force -ErrorAction SilentlyContinue
    }

    # platyPS 1.x converts cmdlet help only; the about topic always comes from the HelpBuilder.
    Invoke-Native -FilePath 'dotnet' -ArgumentList @('run', '--project', $helpBuilder, '-c', $Configuration, '--', 'build-about')
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
