#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# Connect-AtBilling -Vault against a real SecretStore vault, in a scratch HOME, with no password and no prompt.
BeforeAll {
    Import-Module -Name (Join-Path -Path $PSScriptRoot -ChildPath 'TestHelpers.psm1') -Force
    Import-BuiltModule

    $script:saved = @{ HOME = $env:HOME; XDG_DATA_HOME = $env:XDG_DATA_HOME; XDG_CONFIG_HOME = $env:XDG_CONFIG_HOME; PSModulePath = $env:PSModulePath; LOCALAPPDATA = $env:LOCALAPPDATA }
    $script:scratch = Join-Path -Path ([System.IO.Path]::GetTempPath()) -ChildPath ('atb-vault-' + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Path $script:scratch
    $env:HOME = $script:scratch
    $env:XDG_DATA_HOME = Join-Path -Path $script:scratch -ChildPath '.local/share'
    $env:XDG_CONFIG_HOME = Join-Path -Path $script:scratch -ChildPath '.config'
    $env:LOCALAPPDATA = Join-Path -Path $script:scratch -ChildPath 'AppData/Local'
    # The tools this repository keeps beside it; users get the same modules from the PowerShell Gallery.
    $tools = [System.IO.Path]::GetFullPath((Join-Path -Path $PSScriptRoot -ChildPath '../../../shared/tools/Modules'))
    $env:PSModulePath = $tools + [System.IO.Path]::PathSeparator + $env:PSModulePath

    Import-Module -Name Microsoft.PowerShell.SecretManagement, Microsoft.PowerShell.SecretStore -Force
    # A new store in the scratch HOME, with no password and never a prompt.
    Reset-SecretStore -Authentication None -Interaction None -Force -Confirm:$false -WarningAction SilentlyContinue
    Set-SecretStoreConfiguration -Scope CurrentUser -Authentication None -Interaction None -Confirm:$false
    $script:vault = 'AtbTest' + [guid]::NewGuid().ToString('N').Substring(0, 8)
    Register-SecretVault -Name $script:vault -ModuleName Microsoft.PowerShell.SecretStore

    $script:sandbox = Start-AtBillingSandbox
}

AfterAll {
    Disconnect-AtBilling -ErrorAction SilentlyContinue
    $script:sandbox | Stop-AtBillingSandbox
    Unregister-SecretVault -Name $script:vault -ErrorAction SilentlyContinue
    foreach ($name in $script:saved.Keys) {
        Set-Item -Path "env:$name" -Value $script:saved[$name]
    }
    Remove-Item -LiteralPath $script:scratch -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Connect-AtBilling -Vault' {
    AfterEach {
        Disconnect-AtBilling -ErrorAction SilentlyContinue
    }

    It 'connects with the user, secret and integration code of a hashtable secret' {
        $credential = $script:sandbox.Credential
        Set-Secret -Vault $script:vault -Name AutotaskBilling -Secret @{
            UserName           = $credential.UserName
            Secret             = $credential.GetNetworkCredential().Password
            ApiIntegrationCode = $script:sandbox.ApiIntegrationCode
        }

        $connection = Connect-AtBilling -Vault $script:vault -ZoneUri $script:sandbox.Uri -PassThru -Verbose 4>&1 |
            Where-Object -FilterScript { $_ -isnot [System.Management.Automation.VerboseRecord] }

        $connection.UserName | Should -Be $credential.UserName
        $connection.DatabaseId | Should -Be $script:sandbox.DatabaseId
    }

    It 'takes a PSCredential secret by name, with the integration code given apart' {
        Set-Secret -Vault $script:vault -Name 'Autotask API' -Secret $script:sandbox.Credential

        $connection = Connect-AtBilling -Vault $script:vault -SecretName 'Autotask API' -ApiIntegrationCode $script:sandbox.ApiIntegrationCode -ZoneUri $script:sandbox.Uri -PassThru

        $connection.UserName | Should -Be $script:sandbox.Credential.UserName
    }

    It 'never shows the secret in any stream' {
        $secret = $script:sandbox.Credential.GetNetworkCredential().Password
        Set-Secret -Vault $script:vault -Name AutotaskBilling -Secret @{ UserName = $script:sandbox.Credential.UserName; Secret = $secret; ApiIntegrationCode = $script:sandbox.ApiIntegrationCode }

        $all = Connect-AtBilling -Vault $script:vault -ZoneUri $script:sandbox.Uri -PassThru -Verbose -Debug *>&1 | Out-String -Width 200

        $all | Should -Not -BeLike "*$secret*"
        $all | Should -Not -BeLike "*$($script:sandbox.ApiIntegrationCode)*"
    }

    It 'says which secret is missing, as a CredentialMissing error' {
        { Connect-AtBilling -Vault $script:vault -SecretName 'No such secret' -ErrorAction Stop } |
            Should -Throw -ErrorId 'CredentialMissing,Autotask.Billing.Commands.ConnectAtBillingCommand' -ExpectedMessage "*No such secret*"
    }
}
