namespace Autotask.Billing.Module.Tests;

/// <summary>PowerShell's approved verbs (Get-Verb on 7.4), and which of them change state.</summary>
internal static class PowerShellVerbs
{
    public static readonly IReadOnlySet<string> Approved = new HashSet<string>(StringComparer.Ordinal)
    {
        "Add", "Clear", "Close", "Copy", "Enter", "Exit", "Find", "Format", "Get", "Hide", "Join", "Lock", "Move", "New",
        "Open", "Optimize", "Pop", "Push", "Redo", "Remove", "Rename", "Reset", "Resize", "Search", "Select", "Set", "Show",
        "Skip", "Split", "Step", "Switch", "Undo", "Unlock", "Watch", "Connect", "Disconnect", "Read", "Receive", "Send",
        "Write", "Backup", "Checkpoint", "Compare", "Compress", "Convert", "ConvertFrom", "ConvertTo", "Dismount", "Edit",
        "Expand", "Export", "Group", "Import", "Initialize", "Limit", "Merge", "Mount", "Out", "Publish", "Restore", "Save",
        "Sync", "Unpublish", "Update", "Debug", "Measure", "Repair", "Resolve", "Test", "Trace", "Approve", "Assert", "Build",
        "Complete", "Confirm", "Deny", "Deploy", "Disable", "Enable", "Install", "Invoke", "Register", "Request", "Restart",
        "Resume", "Start", "Stop", "Submit", "Suspend", "Uninstall", "Unregister", "Wait", "Block", "Grant", "Protect",
        "Revoke", "Unblock", "Unprotect", "Use",
    };

    /// <summary>Verbs whose cmdlets write to Autotask, to disk or to a running service, and so must support -WhatIf.</summary>
    public static readonly IReadOnlySet<string> Writing = new HashSet<string>(StringComparer.Ordinal)
    {
        "Add", "Clear", "Copy", "Export", "Import", "Install", "Move", "New", "Publish", "Register", "Remove", "Rename",
        "Reset", "Restore", "Save", "Send", "Set", "Start", "Stop", "Sync", "Uninstall", "Unregister", "Update",
    };
}
