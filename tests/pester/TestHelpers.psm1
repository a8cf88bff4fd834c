# Shared setup for the Pester suites: the built module from out/ (by path, never from PSModulePath), scratch folders,
# and fresh pwsh processes that start the way a first-time admin's shell does.

$script:repositoryRoot = (Resolve-Path -LiteralPath (Join-Path -Path $PSScriptRoot -ChildPath '../..')).Path

function Get-BuiltModulePath {
    <#
    .SYNOPSIS
        The manifest of the module built into out/; throws when it is not built.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param()
    $manifest = Join-Path -Path $script:repositoryRoot -ChildPath 'out/Autotask.Billing/Autotask.Billing.psd1'
    if (-not (Test-Path -LiteralPath $manifest)) {
        throw "The module is not built: $manifest is missing. Run ./build.ps1 -Task Build first."
    }
    $manifest
}

function Import-BuiltModule {
    <#
    .SYNOPSIS
        Imports the built module into the global scope, so the test file (not only this helper module) sees its
        cmdlets.
    #>
    [CmdletBinding()]
    param()
    Import-Module -Name (Get-BuiltModulePath) -Force -Global -ErrorAction Stop
}

function New-TestStatePath {
    <#
    .SYNOPSIS
        Creates an empty scratch folder under the temp folder and returns its path.
    #>
    [CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'Low')]
    [OutputType([string])]
    param()
    $path = Join-Path -Path ([System.IO.Path]::GetTempPath()) -ChildPath ('atbilling-pester-' + [guid]::NewGuid().ToString('N'))
    if ($PSCmdlet.ShouldProcess($path, 'Create folder')) {
        $null = New-Item -ItemType Directory -Path $path
    }
    $path
}

function Get-PwshPath {
    <#
    .SYNOPSIS
        The pwsh executable of this PowerShell. When pwsh runs as a dotnet tool the process is 'dotnet', so the path
        comes from $PSHOME, never from the current process.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param()
    $name = if ($IsWindows) { 'pwsh.exe' } else { 'pwsh' }
    $path = Join-Path -Path $PSHOME -ChildPath $name
    if (-not (Test-Path -LiteralPath $path)) {
        $path = (Get-Command -Name pwsh -CommandType Application -ErrorAction Stop | Select-Object -First 1).Source
    }
    $path
}

function Invoke-FreshPwsh {
    <#
    .SYNOPSIS
        Runs a script in a new pwsh process as a first-time user has it: its own empty HOME (the working folder too),
        no AUTOTASK_BILLING_HOME and no XDG folders, so the module's state folder does not exist yet.
    .DESCRIPTION
        The script runs with the built module imported. Every error record it produces, terminating or not, ends the
        process with exit code 98 (non-terminating) or 99 (terminating) after printing the records; an 'exit N' in the
        script ends it with N. -Environment sets variables for the process ($null removes one). Returns the exit code,
        the output text and the HOME folder used.
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [string] $Script,

        [hashtable] $Environment = @{}
    )
    $userHome = Join-Path -Path ([System.IO.Path]::GetTempPath()) -ChildPath ('atbilling-home-' + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Path $userHome
    $scriptPath = Join-Path -Path ([System.IO.Path]::GetTempPath()) -ChildPath ('atbilling-run-' + [guid]::NewGuid().ToString('N') + '.ps1')
    $wrapper = @'
$ProgressPreference = 'SilentlyContinue'
Import-Module -Name '{0}'
$exampleErrors = [System.Collections.Generic.List[System.Management.Automation.ErrorRecord]]::new()
try {{
    . {{
{1}
    }} 2>&1 | ForEach-Object {{
        if ($_ -is [System.Management.Automation.ErrorRecord]) {{ $exampleErrors.Add($_); Write-Host "ERROR RECORD: $($_.FullyQualifiedErrorId): $_" }}
        else {{ $_ }}
    }} | Out-Host
}}
catch {{
    Write-Host "TERMINATING ERROR: $($_.FullyQualifiedErrorId): $_"
    Write-Host ($_.ScriptStackTrace)
    exit 99
}}
if ($exampleErrors.Count -gt 0) {{
    exit 98
}}
exit 0
'@ -f (Get-BuiltModulePath).Replace("'", "''"), $Script
    Set-Content -LiteralPath $scriptPath -Value $wrapper -Encoding utf8

    $start = [System.Diagnostics.ProcessStartInfo]::new((Get-PwshPath))
    foreach ($argument in '-NoProfile', '-NonInteractive', '-File', $scriptPath) {
        $start.ArgumentList.Add($argument)
    }
    $start.WorkingDirectory = $userHome
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    $start.UseShellExecute = $false
    foreach ($name in 'AUTOTASK_BILLING_HOME', 'XDG_DATA_HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME', 'LOCALAPPDATA', 'APPDATA') {
        $null = $start.Environment.Remove($name)
    }
    $start.Environment['HOME'] = $userHome
    $start.Environment['USERPROFILE'] = $userHome
    foreach ($entry in $Environment.GetEnumerator()) {
        if ($null -eq $entry.Value) {
            $null = $start.Environment.Remove($entry.Key)
        }
        else {
            $start.Environment[$entry.Key] = [string]$entry.Value
        }
    }

    try {
        $process = [System.Diagnostics.Process]::Start($start)
        $standardError = $process.StandardError.ReadToEndAsync()
        $output = $process.StandardOutput.ReadToEnd()
        $process.WaitForExit()
        [pscustomobject]@{
            ExitCode = $process.ExitCode
            Output   = $output + $standardError.Result
            Home     = $userHome
        }
    }
    finally {
        Remove-Item -LiteralPath $scriptPath -Force -ErrorAction SilentlyContinue
    }
}

Export-ModuleMember -Function Get-BuiltModulePath, Import-BuiltModule, New-TestStatePath, Get-PwshPath, Invoke-FreshPwsh
