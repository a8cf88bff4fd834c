#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

BeforeAll {
    Import-Module -Name (Join-Path -Path $PSScriptRoot -ChildPath 'TestHelpers.psm1') -Force
    Import-BuiltModule
}

AfterAll {
    Disconnect-AtBilling -ErrorAction SilentlyContinue
    Get-Module -Name Autotask.Billing | Remove-Module -Force
}

Describe 'Connect-AtBilling to the embedded sandbox' {
    It 'connects, and Get-AtBillingConnection tells the zone, user and usage' {
        Connect-AtBilling -Sandbox
        $connection = Get-AtBillingConnection
        $connection.IsSandbox | Should -BeTrue
        $connection.UserName | Should -Not -BeNullOrEmpty
        $connection.DatabaseId | Should -BeGreaterThan 0
        $connection.RequestsThisHour | Should -BeGreaterOrEqual 1
    }

    It 'returns the connection only with -PassThru' {
        Connect-AtBilling -Sandbox | Should -BeNullOrEmpty
        (Connect-AtBilling -Sandbox -PassThru).PSObject.TypeNames | Should -Contain 'Autotask.Billing.AutotaskConnectionInfo'
    }

    It 'reads the demo tenant contracts and their services with units in force' {
        Connect-AtBilling -Sandbox
        $contracts = @(Get-AtContract)
        $contracts.Count | Should -BeGreaterThan 0
        $services = @($contracts | Get-AtContractService)
        $services.Count | Should -BeGreaterThan 0
        $services[0].ContractId | Should -BeIn $contracts.ContractId
        $services | Where-Object Units -GT 0 | Should -Not -BeNullOrEmpty
    }

    It 'fails with a fully qualified error id when not connected' {
        Disconnect-AtBilling
        { Get-AtContract -ErrorAction Stop } | Should -Throw -ErrorId 'NotConnected,Autotask.Billing.Commands.GetAtContractCommand'
    }
}

Describe 'Start-AtBillingSandbox serves any Autotask client on loopback' {
    BeforeAll {
        $script:served = Start-AtBillingSandbox
    }

    AfterAll {
        $script:served | Stop-AtBillingSandbox -Confirm:$false
    }

    It 'returns the REST root, a credential and an integration code' {
        $script:served.Uri.AbsoluteUri | Should -Match '^http://127\.0\.0\.1:\d+/ATServicesRest/$'
        $script:served.Credential | Should -BeOfType ([pscredential])
        $script:served.ApiIntegrationCode | Should -Not -BeNullOrEmpty
    }

    It 'answers zone discovery like Autotask does' {
        $user = $script:served.Credential.UserName
        $zone = Invoke-RestMethod -Uri "$($script:served.Uri)V1.0/ZoneInformation?user=$user"
        $zone.url | Should -Be $script:served.Uri.AbsoluteUri
    }

    It 'lets Connect-AtBilling connect through it with credentials' {
        Connect-AtBilling -Credential $script:served.Credential -ApiIntegrationCode $script:served.ApiIntegrationCode -ZoneUri $script:served.Uri
        (Get-AtBillingConnection).IsSandbox | Should -BeFalse
        @(Get-AtContract).Count | Should -BeGreaterThan 0
    }

    It 'refuses a wrong secret with an authentication error that does not reveal the secret' {
        $wrong = [pscredential]::new($script:served.Credential.UserName, [System.Net.NetworkCredential]::new('', 'Wrong-Secret-Marker-42').SecurePassword)
        $failure = { Connect-AtBilling -Credential $wrong -ApiIntegrationCode $script:served.ApiIntegrationCode -ZoneUri $script:served.Uri -ErrorAction Stop } |
            Should -Throw -ErrorId 'AuthenticationFailed,Autotask.Billing.Commands.ConnectAtBillingCommand' -PassThru
        $failure.ToString() | Should -Not -Match 'Wrong-Secret-Marker-42'
        $failure.CategoryInfo.Category | Should -Be 'AuthenticationError'
    }

    It 'does nothing with -WhatIf' {
        Start-AtBillingSandbox -WhatIf | Should -BeNullOrEmpty
    }
}

Describe 'Connect-AtBilling from environment variables' {
    It 'names every missing variable when the session cannot prompt' {
        $script = 'try { Connect-AtBilling -ErrorAction Stop } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }'
        $run = Invoke-FreshPwsh -Script $script -Environment @{ AUTOTASK_API_USER = $null; AUTOTASK_API_SECRET = $null; AUTOTASK_API_INTEGRATION_CODE = $null }
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $output = @($run.Output -split '\r?\n' | Where-Object { $_ })
        $output[0] | Should -Be 'CredentialMissing,Autotask.Billing.Commands.ConnectAtBillingCommand'
        $output[1] | Should -Match 'AUTOTASK_API_USER'
        $output[1] | Should -Match 'AUTOTASK_API_SECRET'
        $output[1] | Should -Match 'AUTOTASK_API_INTEGRATION_CODE'
    }
}
