# Loads the build that fits the running engine: net8.0 for PowerShell 7.4+, net472 for Windows PowerShell 5.1.
$framework = if ($PSEdition -eq 'Core') { 'net8.0' } else { 'net472' }
$binaryPath = Join-Path -Path $PSScriptRoot -ChildPath (Join-Path -Path $framework -ChildPath 'Autotask.Billing.dll')
$binaryModule = Import-Module -Name $binaryPath -PassThru -ErrorAction Stop

Export-ModuleMember -Cmdlet @($binaryModule.ExportedCmdlets.Keys)

$ExecutionContext.SessionState.Module.OnRemove = {
    Remove-Module -ModuleInfo $binaryModule -Force -ErrorAction SilentlyContinue
}
