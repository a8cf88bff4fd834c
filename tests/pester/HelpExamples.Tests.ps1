#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# Every example in the cmdlets' help runs as written, each in a new pwsh with its own empty HOME and no state folder
# yet, as a first-time admin would paste it. Any error record, terminating or not, or an exit code other than 0
# fails it.

BeforeDiscovery {
    Import-Module -Name (Join-Path -Path $PSScriptRoot -ChildPath 'TestHelpers.psm1') -Force
    Import-BuiltModule
    $script:examples = foreach ($command in Get-Command -Module Autotask.Billing -CommandType Cmdlet) {
        $number = 0
        foreach ($example in @((Get-Help -Name $command.Name -Full).examples.example)) {
            $number++
            @{ Command = $command.Name; Number = $number; Title = ([string]$example.title).Trim(' -'); Code = [string]$example.code }
        }
    }
}

BeforeAll {
    Import-Module -Name (Join-Path -Path $PSScriptRoot -ChildPath 'TestHelpers.psm1') -Force
}

Describe 'Help examples of <_>' -ForEach @($script:examples.Command | Sort-Object -Unique) {
    It 'example <Number> runs as written: <Title>' -ForEach @($script:examples | Where-Object Command -EQ $_) {
        $Code | Should -Not -BeNullOrEmpty -Because 'Get-Help must show the example''s code'
        $run = Invoke-FreshPwsh -Script $Code
        try {
            $run.ExitCode | Should -Be 0 -Because $run.Output
        }
        finally {
            Remove-Item -LiteralPath $run.Home -Recurse -Force -ErrorAction SilentlyContinue
        }
    }
}
