# Shared setup for the Pester suite: imports the built module from out/ by path, never from PSModulePath.
function Import-BuiltModule {
    [CmdletBinding()]
    param()
    $manifest = Join-Path -Path $PSScriptRoot -ChildPath '../../out/Autotask.Billing/Autotask.Billing.psd1'
    if (-not (Test-Path -LiteralPath $manifest)) {
        throw "The module is not built: $manifest is missing. Run ./build.ps1 -Task Build first."
    }
    Import-Module -Name (Resolve-Path -LiteralPath $manifest).Path -Force -ErrorAction Stop
}

function New-TestStatePath {
    [CmdletBinding()]
    [OutputType([string])]
    param()
    $path = Join-Path -Path ([System.IO.Path]::GetTempPath()) -ChildPath ("atbilling-pester-" + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Path $path
    $path
}

Export-ModuleMember -Function Import-BuiltModule, New-TestStatePath
