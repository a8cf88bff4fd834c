namespace Autotask.Billing.Mapping;

/// <summary>
/// Creates the folders that hold state (mapping stores, journals) on first use. The store names customers, contracts
/// and prices, so a folder the module creates on Linux or macOS is readable by its owner only (0700), as ssh and gpg
/// keep theirs; on Windows the per-user application data folder already carries the user's ACL.
/// </summary>
public static class StateFolder
{
    /// <summary>Creates <paramref name="path"/> (and its missing parents) if it does not exist yet.</summary>
    public static void Ensure(string path)
    {
        var fullPath = Path.GetFullPath(path);
        if (Directory.Exists(fullPath))
        {
            return;
        }

#if NET8_0_OR_GREATER
        if (!OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(fullPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            return;
        }
#endif
        Directory.CreateDirectory(fullPath);
    }
}
