@{
    # The default rule set, plus the compatibility rules for the two engines the module supports.
    IncludeDefaultRules = $true
    Severity            = @('Error', 'Warning', 'Information')
    Rules               = @{
        PSUseCompatibleSyntax   = @{
            Enable         = $true
            TargetVersions = @('5.1', '7.4')
        }
        # The profile-based PSUseCompatibleCommands/PSUseCompatibleTypes have no profile data in the analyzer build
        # CI uses (../shared/tools); PSUseCompatibleCmdlets and PSUseCompatibleSyntax cover the same 5.1/7.x concern.
        PSUseCompatibleCmdlets  = @{
            compatibility = @('desktop-5.1.14393.206-windows', 'core-6.1.0-windows')
        }
        PSAvoidUsingCmdletAliases = @{ Enable = $true }
        PSPlaceOpenBrace          = @{ Enable = $true; OnSameLine = $true }
        PSUseConsistentIndentation = @{ Enable = $true; IndentationSize = 4; Kind = 'space' }
    }
}
