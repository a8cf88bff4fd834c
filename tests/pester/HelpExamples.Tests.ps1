#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# Every example in the cmdlets' help runs against the embedded sandbox, each in a fresh pwsh process (an example may
# end with 'exit', as the scheduled-task ones do). Examples of one cmdlet share a mapping store, as their text says.

BeforeDiscovery {
    Import-Module -Name (Join-Path -Path $PSScriptRoot -ChildPath 'TestHelpers.psm1') -Force
    Import-BuiltModule
    $script:examples = foreach ($command in Get-Command -Module Autotask.Billing -CommandType Cmdlet) {
        $number = 0
        foreach ($example in @((Get-Help -Name $command.Name -Full).examples.example)) {
            $number++
            @{ Command = $command.Name; Number = $number; Title = [string]$example.title; Code = [string]$example.code }
        }
    }
}

BeforeAll {
    Import-Module -Name (Join-Path -Path $PSScriptRoot -ChildPath 'TestHelpers.psm1') -Force
    $script:manifest = (Resolve-Path -LiteralPath (Join-Path -Path $PSScriptRoot -ChildPath '../../out/Autotask.Billing/Autotask.Billing.psd1')).Path
    $script:pwsh = (Get-Process -Id $PID).Path
    $script:homes = @{}
}

Describe 'Help examples of <_>' -ForEach @($script:examples.Command | Sort-Object -Unique) {
    It 'example <Number> runs: <Title>' -ForEach @($script:examples | Where-Object Command -EQ $_) {
        if ($Code -match 'Get-Credential|Read-Host|Get-Secret') {
            Set-ItResult -Skipped -Because 'it asks a person for a secret'
            return
        }
        if (-not $script:homes.ContainsKey($Command)) {
            $script:homes[$Command] = New-TestStatePath
        }
        $folder = $script:homes[$Command]
        $script = @"
`$ConfirmPreference = 'None'
`$ProgressPreference = 'SilentlyContinue'
Set-Location -LiteralPath '$folder'
Import-Module -Name '$script:manifest'
try {
$Code
}
catch {
    Write-Host "EXAMPLE FAILED: `$(`$_.FullyQualifiedErrorId): `$_"
    exit 99
}
"@
        # The child's $HOME and state folder are the test's folder, so examples that save to $HOME litter nothing.
        $variables = 'AUTOTASK_BILLING_HOME', 'HOME', 'USERPROFILE'
        $previous = @{}
        foreach ($name in $variables) {
            $previous[$name] = [Environment]::GetEnvironmentVariable($name)
            [Environment]::SetEnvironmentVariable($name, $folder)
        }
        try {
            $output = & $script:pwsh -NoProfile -NonInteractive -Command $script 2>&1
        }
        finally {
            foreach ($name in $variables) {
                [Environment]::SetEnvironmentVariable($name, $previous[$name])
            }
        }
        $LASTEXITCODE | Should -BeIn @(0, 1, 2) -Because ($output | Out-String)
    }
}
