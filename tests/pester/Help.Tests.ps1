#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# The help as platyPS v2 reads the markdown and as Get-Help shows it from the built module.

BeforeDiscovery {
    # Cmdlet help files only: docs/ also holds notes whose names have a hyphen (billing-rules.md).
    $script:markdown = Get-ChildItem -Path (Join-Path -Path $PSScriptRoot -ChildPath '../../docs') -Filter '*-*.md' -File |
        Where-Object { (Get-Content -LiteralPath $_.FullName -TotalCount 12) -contains 'document type: cmdlet' } |
        ForEach-Object { @{ Name = $_.Name; Path = $_.FullName } }
    Import-Module -Name (Join-Path -Path $PSScriptRoot -ChildPath 'TestHelpers.psm1') -Force
    Import-BuiltModule
    $script:cmdlets = @(Get-Command -Module Autotask.Billing -CommandType Cmdlet | ForEach-Object { @{ Name = $_.Name } })
}

BeforeAll {
    Import-Module -Name (Join-Path -Path $PSScriptRoot -ChildPath 'TestHelpers.psm1') -Force
    Import-BuiltModule
    Import-Module -Name Microsoft.PowerShell.PlatyPS -MinimumVersion 1.0 -ErrorAction Stop
}

AfterAll {
    Get-Module -Name Autotask.Billing | Remove-Module -Force
}

Describe 'docs/<Name>' -ForEach $script:markdown {
    It 'is valid platyPS v2 markdown' {
        $result = Test-MarkdownCommandHelp -Path $Path -DetailView
        $result.IsValid | Should -BeTrue -Because (@($result.Messages | Where-Object { $_ -notmatch '^PASS' }) -join '; ')
    }
}

Describe 'Get-Help <Name>' -ForEach $script:cmdlets {
    BeforeAll {
        $script:help = Get-Help -Name $Name -Full
    }

    It 'has a synopsis and a description' {
        [string]$script:help.Synopsis | Should -Not -Match ('^\s*$|Fill in|^' + [regex]::Escape($Name))
        ($script:help.description.Text -join "`n") | Should -Not -BeNullOrEmpty
    }

    It 'has at least two examples, each with code that calls the cmdlet' {
        $examples = @($script:help.examples.example)
        $examples.Count | Should -BeGreaterOrEqual 2
        foreach ($example in $examples) {
            [string]$example.code | Should -Match ([regex]::Escape($Name))
            [string]$example.code | Should -Not -Match '```'
        }
    }

    It 'describes every parameter' {
        $parameters = (Get-Command -Name $Name).Parameters.Keys |
            Where-Object { $_ -notin [System.Management.Automation.PSCmdlet]::CommonParameters -and $_ -notin [System.Management.Automation.PSCmdlet]::OptionalCommonParameters }
        foreach ($parameter in $parameters) {
            $entry = @($script:help.parameters.parameter) | Where-Object { $_.name -eq $parameter }
            ($entry.description.Text -join '') | Should -Not -BeNullOrEmpty -Because "-$parameter needs a description"
        }
    }
}

Describe 'about_Autotask.Billing' {
    It 'is found by Get-Help' {
        (Get-Help -Name about_Autotask.Billing | Out-String) | Should -Match 'SHORT DESCRIPTION'
    }
}
