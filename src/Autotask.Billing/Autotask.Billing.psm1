# Loads the build that fits the running engine: net10.0 (precompiled) for PowerShell 7.6+ on .NET 10 or later, net8.0 for
# PowerShell 7.4 and 7.5, net472 for Windows PowerShell 5.1.
$framework = if ($PSEdition -ne 'Core') { 'net472' } elseif ([System.Environment]::Version.Major -ge 10) { 'net10.0' } else { 'net8.0' }
$binaryPath = Join-Path -Path $PSScriptRoot -ChildPath (Join-Path -Path $framework -ChildPath 'Autotask.Billing.dll')
# -Force: on a re-import (Import-Module -Force, or after Remove-Module) the assembly is already loaded, and the cmdlets
# must be registered again in this module's scope.
$binaryModule = Import-Module -Name $binaryPath -PassThru -Force -ErrorAction Stop

Export-ModuleMember -Cmdlet @($binaryModule.ExportedCmdlets.Keys)

$ExecutionContext.SessionState.Module.OnRemove = {
    Remove-Module -ModuleInfo $binaryModule -Force -ErrorAction SilentlyContinue
}
