#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# The connection and the sandboxes belong to the runspace that made them: a thread job or a second runspace has its own.
BeforeAll {
    Import-Module -Name (Join-Path -Path $PSScriptRoot -ChildPath 'TestHelpers.psm1') -Force
    Import-BuiltModule
    $script:manifest = Get-BuiltModulePath

    function Invoke-InOtherRunspace {
        param([scriptblock]$ScriptBlock, [object[]]$ArgumentList)
        $powershell = [powershell]::Create()
        try {
            $null = $powershell.AddScript($ScriptBlock.ToString())
            foreach ($argument in $ArgumentList) { $null = $powershell.AddArgument($argument) }
            $output = $powershell.Invoke()
            $powershell.Streams.Error | Should -BeNullOrEmpty
            $output
        }
        finally {
            $powershell.Dispose()
        }
    }
}

AfterAll {
    Disconnect-AtBilling -ErrorAction SilentlyContinue
    Stop-AtBillingSandbox -ErrorAction SilentlyContinue
}

Describe 'Session state per runspace' {
    It 'a Connect-AtBilling in a thread job does not retarget the main session' {
        $sandbox = Start-AtBillingSandbox
        try {
            Connect-AtBilling -Sandbox
            $before = Get-AtBillingConnection

            $manifest = $script:manifest
            $job = Start-ThreadJob -ScriptBlock {
                Import-Module -Name $using:manifest
                Connect-AtBilling -Credential ($using:sandbox).Credential -ApiIntegrationCode ($using:sandbox).ApiIntegrationCode -ZoneUri ($using:sandbox).Uri -PassThru
            }
            $inJob = $job | Receive-Job -Wait -AutoRemoveJob -ErrorAction Stop

            $inJob.ZoneUri.Port | Should -Be $sandbox.Port
            $after = Get-AtBillingConnection
            $after.ZoneUri | Should -Be $before.ZoneUri
            $after.IsSandbox | Should -BeTrue
        }
        finally {
            $sandbox | Stop-AtBillingSandbox
        }
    }

    It 'a second runspace removing the module leaves the main session''s sandboxes and connection running' {
        $sandbox = Start-AtBillingSandbox
        try {
            Connect-AtBilling -Credential $sandbox.Credential -ApiIntegrationCode $sandbox.ApiIntegrationCode -ZoneUri $sandbox.Uri

            $null = Invoke-InOtherRunspace -ScriptBlock {
                param($Manifest)
                Import-Module -Name $Manifest
                Connect-AtBilling -Sandbox
                Stop-AtBillingSandbox
                Remove-Module -Name Autotask.Billing
            } -ArgumentList $script:manifest

            (Get-AtBillingConnection).ZoneUri.Port | Should -Be $sandbox.Port
            @(Get-AtContract -ErrorAction Stop).Count | Should -BeGreaterThan 0
        }
        finally {
            $sandbox | Stop-AtBillingSandbox
            Disconnect-AtBilling
        }
    }

    It 'a runspace that never connected is not connected, whatever the main session did' {
        Connect-AtBilling -Sandbox
        $powershell = [powershell]::Create()
        try {
            $null = $powershell.AddScript("Import-Module -Name '$script:manifest'; Get-AtBillingConnection")
            $null = $powershell.Invoke()
            $powershell.Streams.Error.FullyQualifiedErrorId | Should -BeLike 'NotConnected,*'
        }
        finally {
            $powershell.Dispose()
            Disconnect-AtBilling
        }
    }
}
