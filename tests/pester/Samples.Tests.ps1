#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# The scripts the module ships in Samples/ run as a first-time admin runs them: a new pwsh, an empty HOME, no state.

BeforeAll {
    Import-Module -Name (Join-Path -Path $PSScriptRoot -ChildPath 'TestHelpers.psm1') -Force
    $script:samples = Join-Path -Path (Split-Path -Path (Get-BuiltModulePath) -Parent) -ChildPath 'Samples'
}

Describe 'Invoke-Demo.ps1 (build.ps1 -Task Demo)' {
    It 'runs the whole monthly workflow with no error record' {
        $demo = Join-Path -Path $script:samples -ChildPath 'Invoke-Demo.ps1'
        $run = Invoke-FreshPwsh -Script "& '$demo' -ModulePath '$(Get-BuiltModulePath)' -StatePath (Join-Path -Path `$HOME -ChildPath 'demo-state')"
        try {
            $run.ExitCode | Should -Be 0 -Because $run.Output
            $run.Output | Should -Match 'Report: '
            $report = [regex]::Match($run.Output, 'Report: (?<path>\S+\.html)').Groups['path'].Value
            Test-Path -LiteralPath $report | Should -BeTrue
        }
        finally {
            Remove-Item -LiteralPath $run.Home -Recurse -Force -ErrorAction SilentlyContinue
        }
    }
}
