#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# The sandbox driven by a client that is not ours: plain Invoke-RestMethod, written the way the vendor's REST
# examples are (zone lookup first, the three headers, JSON bodies with literal system picklist values such as
# companyType 1 = Customer and contractType 7 = Recurring Service, child routes for child entities, POSTed paging).
# Only Start-AtBillingSandbox and Stop-AtBillingSandbox come from the module.

BeforeAll {
    # Imported by path into the global scope (an Import-Module inside a helper module's function lands in its scope).
    Import-Module -Name (Join-Path -Path $PSScriptRoot -ChildPath '../../out/Autotask.Billing/Autotask.Billing.psd1') -Force -Global -ErrorAction Stop
    $script:server = Start-AtBillingSandbox -Empty
    $userName = $script:server.Credential.UserName
    $script:headers = @{
        ApiIntegrationCode = $script:server.ApiIntegrationCode
        UserName           = $userName
        Secret             = $script:server.Credential.GetNetworkCredential().Password
    }

    # Vendor step 1: find the zone for the API user (no credentials needed), then use the URL it returns.
    $zone = Invoke-RestMethod -Method Get -Uri ('{0}V1.0/zoneInformation?user={1}' -f $script:server.Uri, [uri]::EscapeDataString($userName))
    $script:root = $zone.url.TrimEnd('/') + '/V1.0'

    function Invoke-At {
        param(
            [Parameter(Mandatory)] [string] $Method,
            [Parameter(Mandatory)] [string] $Path,
            [object] $Body
        )
        $uri = if ($Path -match '^https?://') { $Path } else { "$script:root/$Path" }
        $arguments = @{ Method = $Method; Uri = $uri; Headers = $script:headers; ContentType = 'application/json' }
        if ($null -ne $Body) {
            $arguments.Body = $Body | ConvertTo-Json -Depth 10 -Compress
        }
        Invoke-RestMethod @arguments
    }

    $script:owner = (Invoke-At -Method Post -Path 'Resources/query' -Body @{
        filter = @(@{ op = 'eq'; field = 'isActive'; value = $true }, @{ op = 'eq'; field = 'userName'; value = 'alex.morgan' })
    }).items[0].id
}

AfterAll {
    $script:server | Stop-AtBillingSandbox
    Get-Module -Name Autotask.Billing | Remove-Module -Force
}

Describe 'A third-party client against Start-AtBillingSandbox -Empty' {
    It 'creates a customer company with the literal companyType 1 and reads it back as Customer' {
        $created = Invoke-At -Method Post -Path 'Companies' -Body @{
            companyName = 'Fourth Coffee'; companyType = 1; phone = '555-0142'; ownerResourceID = $script:owner
        }
        $script:companyId = $created.itemId
        $script:companyId | Should -BeGreaterThan 0

        $company = (Invoke-At -Method Get -Path "Companies/$script:companyId").item
        $company.companyType | Should -Be 1
        $types = (Invoke-At -Method Get -Path 'Companies/entityInformation/fields').fields | Where-Object name -EQ 'companyType'
        ($types.picklistValues | Where-Object value -EQ '1').label | Should -Be 'Customer'
        ($types.picklistValues | Where-Object value -EQ '7').label | Should -Be 'Vendor'
    }

    It 'adds a contact under the company with isActive as an integer' {
        $contact = Invoke-At -Method Post -Path "Companies/$script:companyId/Contacts" -Body @{
            companyID = $script:companyId; firstName = 'Dana'; lastName = 'Reyes'; isActive = 1; emailAddress = 'dana@fourthcoffee.example'
        }
        (Invoke-At -Method Get -Path "Contacts/$($contact.itemId)").item.lastName | Should -Be 'Reyes'
    }

    It 'creates a Recurring Service contract (contractType 7, status 1 Active, period type 1 Monthly)' {
        $contract = Invoke-At -Method Post -Path 'Contracts' -Body @{
            companyID = $script:companyId; contractName = 'Managed services'; contractType = 7; status = 1; contractPeriodType = 1
            startDate = '2026-01-01T00:00:00'; endDate = '2028-12-31T00:00:00'; timeReportingRequiresStartAndStopTimes = 1
        }
        $script:contractId = $contract.itemId
        (Invoke-At -Method Get -Path "Contracts/$script:contractId").item.contractType | Should -Be 7
    }

    It 'creates a service on a Recurring Contract Service billing code (billingCodeType 5) and a product on a Material one (2)' {
        $recurringCode = (Invoke-At -Method Post -Path 'BillingCodes/query' -Body @{
            filter = @(@{ op = 'eq'; field = 'billingCodeType'; value = 5 }, @{ op = 'eq'; field = 'isActive'; value = $true })
        }).items[0].id
        $materialCode = (Invoke-At -Method Post -Path 'BillingCodes/query' -Body @{
            filter = @(@{ op = 'eq'; field = 'billingCodeType'; value = 2 })
        }).items[0].id

        $script:serviceId = (Invoke-At -Method Post -Path 'Services' -Body @{
            name = 'Managed workstation'; periodType = 1; unitPrice = 25; unitCost = 11.5; billingCodeID = $recurringCode
        }).itemId
        $product = Invoke-At -Method Post -Path 'Products' -Body @{
            name = 'Docking station'; productBillingCodeID = $materialCode; isActive = $true; isSerialized = $false; unitPrice = 189
        }

        $script:serviceId | Should -BeGreaterThan 0
        (Invoke-At -Method Get -Path "Products/$($product.itemId)").item.name | Should -Be 'Docking station'
    }

    It 'adds the service to the contract and sets its units through an adjustment, read back from the unit rows' {
        $script:contractServiceId = (Invoke-At -Method Post -Path "Contracts/$script:contractId/Services" -Body @{
            contractID = $script:contractId; serviceID = $script:serviceId; unitPrice = 25
        }).itemId
        $null = Invoke-At -Method Post -Path "Contracts/$script:contractId/ServiceAdjustments" -Body @{
            contractID = $script:contractId; contractServiceID = $script:contractServiceId; effectiveDate = '2026-03-01T00:00:00'; unitChange = 5
        }

        $rows = (Invoke-At -Method Post -Path 'ContractServiceUnits/query' -Body @{
            filter = @(@{ op = 'eq'; field = 'contractServiceID'; value = $script:contractServiceId })
        }).items
        $march = $rows | Where-Object { ([datetime]$_.startDate).ToString('yyyy-MM-dd') -eq '2026-03-01' }
        $march.units | Should -Be 5
    }

    It 'charges the contract (chargeType 1 Operational) and rounds the money to four decimals' {
        $charge = Invoke-At -Method Post -Path "Contracts/$script:contractId/Charges" -Body @{
            contractID = $script:contractId; name = 'Setup'; chargeType = 1; datePurchased = '2026-03-02T00:00:00'
            unitQuantity = 3; unitPrice = 10.123456; unitCost = 0.30000000000000004; billingCodeID = 29682710
        }
        $read = (Invoke-At -Method Get -Path "ContractCharges/$($charge.itemId)").item
        $read.unitPrice | Should -Be 10.1235
        $read.unitCost | Should -Be 0.3
        $read.billableAmount | Should -Be 30.3705
    }

    It 'pages through more than 500 rows with POSTed nextPageUrls, offers prevPageUrl, and counts them' {
        foreach ($number in 1..520) {
            $null = Invoke-At -Method Post -Path 'Companies' -Body @{
                companyName = ('Paging customer {0:000}' -f $number); companyType = 3; phone = '555-0100'; ownerResourceID = $script:owner
            }
        }
        $query = @{ MaxRecords = 500; IncludeFields = @('id', 'companyName'); Filter = @(@{ op = 'beginsWith'; field = 'companyName'; value = 'Paging customer' }) }

        $first = Invoke-At -Method Post -Path 'Companies/query' -Body $query
        $second = Invoke-At -Method Post -Path $first.pageDetails.nextPageUrl -Body $query
        $count = Invoke-At -Method Post -Path 'Companies/query/count' -Body $query

        $first.items.Count | Should -Be 500
        $first.pageDetails.prevPageUrl | Should -BeNullOrEmpty
        $second.items.Count | Should -Be 20
        $second.pageDetails.nextPageUrl | Should -BeNullOrEmpty
        $second.pageDetails.prevPageUrl | Should -Not -BeNullOrEmpty
        (Invoke-At -Method Post -Path $second.pageDetails.prevPageUrl -Body $query).items[0].id | Should -Be $first.items[0].id
        $count.queryCount | Should -Be 520
        @($first.items + $second.items | Select-Object -ExpandProperty id -Unique).Count | Should -Be 520
    }

    It 'reports an unknown reference with the text Autotask uses' {
        $failure = { Invoke-At -Method Post -Path 'Companies' -Body @{ companyName = 'Nobody'; companyType = 1; phone = '1'; ownerResourceID = 4 } } |
            Should -Throw -PassThru
        $failure.Exception.Response.StatusCode.value__ | Should -Be 500
        ($failure.ErrorDetails.Message | ConvertFrom-Json).errors | Should -Be 'Value does not reference an existing entity for ownerResourceID .'
    }
}
