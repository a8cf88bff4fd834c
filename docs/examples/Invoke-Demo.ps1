<#
.SYNOPSIS
    The monthly billing workflow against the embedded sandbox: connect, read the vendor export, map, compare,
    preview, apply, report.
.PARAMETER ModulePath
    The module manifest to import; defaults to the module this script ships with.
.PARAMETER StatePath
    Where the demo keeps its mapping store and sync journal; a new temporary folder by default.
#>
[Diagnostics.CodeAnalysis.SuppressMessageAttribute('PSAvoidUsingWriteHost', '', Justification = 'A demo narrates its steps to the person watching the console.')]
[CmdletBinding()]
param(
    [string] $ModulePath = (Join-Path -Path $PSScriptRoot -ChildPath '../Autotask.Billing.psd1'),
    [string] $StatePath = (Join-Path -Path ([System.IO.Path]::GetTempPath()) -ChildPath ('atbilling-demo-' + [guid]::NewGuid().ToString('N')))
)

$ErrorActionPreference = 'Stop'
Import-Module -Name $ModulePath -Force
$moduleBase = (Get-Module -Name Autotask.Billing).ModuleBase
$export = Join-Path -Path $moduleBase -ChildPath 'Samples/demo-export.csv'

Write-Host "`n== Connect to the embedded sandbox (an in-memory Autotask with a demo tenant)" -ForegroundColor Cyan
Connect-AtBilling -Sandbox
Get-AtBillingConnection | Format-List

Write-Host "== The recurring-service contracts in Autotask, and what they carry on 2026-10-31" -ForegroundColor Cyan
Get-AtContract | Format-Table
Get-AtContract | Get-AtContractService -AsOf 2026-10-31 | Format-Table

Write-Host "== The vendor's October bill ($export)" -ForegroundColor Cyan
$lines = Get-AtTransaction -Path $export -Month 2026-10
$lines | Format-Table

Write-Host "== Map vendor customers to companies and SKUs to services, once (remembered in $StatePath)" -ForegroundColor Cyan
$lines | New-AtContractMapping -Auto -StatePath $StatePath | Format-Table
$lines | New-AtServiceMapping -Auto -StatePath $StatePath | Format-Table

Write-Host "== Once: what sync uses when it creates things (billing codes, account manager)" -ForegroundColor Cyan
Set-AtBillingSetting -RecurringBillingCode 'Cloud Services - Recurring' -MaterialBillingCode 'Hardware' -DefaultAccountManager 'alex.morgan' -StatePath $StatePath -PassThru | Format-List

Write-Host "== What differs between the bill and Autotask" -ForegroundColor Cyan
$differences = $lines | Compare-AtContract -StatePath $StatePath
$differences | Format-Table

Write-Host "== Preview the writes (-WhatIf writes nothing)" -ForegroundColor Cyan
$differences | Sync-AtContract -StatePath $StatePath -WhatIf

Write-Host "== Apply them (changes past the guardrails would need -Force)" -ForegroundColor Cyan
$results = $differences | Sync-AtContract -StatePath $StatePath -Confirm:$false
$results | Format-Table

$report = Join-Path -Path $StatePath -ChildPath 'october-2026.html'
$differences + $results | Export-AtBillingReport -Path $report -Title 'Demo: October 2026' -Confirm:$false
Write-Host "`nReport: $report" -ForegroundColor Green
Write-Host "Again with: Get-AtTransaction -Path '$export' -Month 2026-10 | Compare-AtContract -StatePath '$StatePath'" -ForegroundColor Green

# ChannelOnline-style flow: customers and contacts, the catalog, then a quote synced into an opportunity.
$samples = Join-Path -Path (Get-Module -Name Autotask.Billing).ModuleBase -ChildPath 'Samples'
Write-Host "== Customers and contacts from a sales system into Autotask (matched, never duplicated)" -ForegroundColor Cyan
Get-AtCustomer -Path (Join-Path -Path $samples -ChildPath 'demo-customers.csv') |
    Sync-AtCompany -DefaultPhone '555-555-5555' -StatePath $StatePath -Confirm:$false | Format-Table -Property Status, CustomerName, Action

Write-Host "== The catalog: products with manufacturer, part number, category and vendor" -ForegroundColor Cyan
Sync-AtProduct -Path (Join-Path -Path $samples -ChildPath 'demo-products.csv') -DefaultCategory 'Hardware' -SyncPrices -StatePath $StatePath -Confirm:$false |
    Format-Table -Property Status, Sku, Action

Write-Host "== One quote synced: an opportunity with its primary quote and items (a second run writes nothing)" -ForegroundColor Cyan
$quotes = Join-Path -Path $samples -ChildPath 'demo-quotes.csv'
Import-Csv -LiteralPath $quotes | Where-Object -Property DocumentNumber -EQ 'Q-1001' |
    Sync-AtQuote -SalesRep @{ jsmith = 'alex.morgan' } -StatePath $StatePath -Confirm:$false | Format-Table -Property Status, Target, Action
Import-Csv -LiteralPath $quotes | Where-Object -Property DocumentNumber -EQ 'Q-1001' |
    Sync-AtQuote -SalesRep @{ jsmith = 'alex.morgan' } -StatePath $StatePath -Confirm:$false -Summary
