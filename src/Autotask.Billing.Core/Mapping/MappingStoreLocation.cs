namespace Autotask.Billing.Mapping;

/// <summary>
/// Where a mapping store lives: the explicit state path, else the folder in <c>AUTOTASK_BILLING_HOME</c>, else the
/// per-user application data folder; one file per Autotask database, <c>mappings-{databaseId}.json</c>.
/// </summary>
public static class MappingStoreLocation
{
    public const string HomeVariable = "AUTOTASK_BILLING_HOME";
    public const string ApplicationFolderName = "Autotask.Billing";

    public static string FileNameFor(string databaseId)
    {
        var id = MappingKeys.RequireText(databaseId, nameof(databaseId));
        var invalid = Path.GetInvalidFileNameChars();
        var safe = new string(id.Select(c => Array.IndexOf(invalid, c) >= 0 || char.IsWhiteSpace(c) ? '_' : c).ToArray());
        return $"mappings-{safe}.json";
    }

    /// <summary>
    /// The full path of the store for <paramref name="databaseId"/>. A <paramref name="statePath"/> ending in
    /// <c>.json</c> names the store file itself; any other is the folder that holds it.
    /// </summary>
    public static string Resolve(string? statePath, string databaseId) =>
        Resolve(
            statePath,
            databaseId,
            Environment.GetEnvironmentVariable,
            () => Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData, Environment.SpecialFolderOption.DoNotVerify));

    /// <summary>
    /// Moves a store that an earlier version kept under another key (the zone host, for -Sandbox and -ZoneUri
    /// connections) to <paramref name="storePath"/>, with its journal folder, when only the old one exists. Returns
    /// the old path when it moved something, else null; a move that loses a race to another run is left to it.
    /// </summary>
    public static string? AdoptLegacyStore(string storePath, string legacyStorePath)
    {
        if (File.Exists(storePath) || !File.Exists(legacyStorePath))
        {
            return null;
        }

        try
        {
            File.Move(legacyStorePath, storePath);
        }
        catch (IOException) when (File.Exists(storePath))
        {
            return null;
        }

        var legacyJournal = JournalFolderFor(legacyStorePath);
        var journal = JournalFolderFor(storePath);
        if (Directory.Exists(legacyJournal) && !Directory.Exists(journal))
        {
            Directory.Move(legacyJournal, journal);
        }

        return legacyStorePath;
    }

    /// <summary>The sync journals of a store: journal/&lt;store name&gt;/ beside it, so runs against different databases never mix.</summary>
    public static string JournalFolderFor(string storePath) =>
        Path.Combine(Path.GetDirectoryName(storePath)!, "journal", Path.GetFileNameWithoutExtension(storePath));

    internal static string Resolve(
        string? statePath, string databaseId, Func<string, string?> environment, Func<string> applicationDataFolder)
    {
        var fileName = FileNameFor(databaseId);
        if (!string.IsNullOrWhiteSpace(statePath))
        {
            var explicitPath = Path.GetFullPath(statePath!.Trim());
            return string.Equals(Path.GetExtension(explicitPath), ".json", StringComparison.OrdinalIgnoreCase)
                ? explicitPath
                : Path.Combine(explicitPath, fileName);
        }

        var home = environment(HomeVariable);
        if (!string.IsNullOrWhiteSpace(home))
        {
            return Path.Combine(Path.GetFullPath(home!.Trim()), fileName);
        }

        var applicationData = applicationDataFolder();
        if (string.IsNullOrWhiteSpace(applicationData))
        {
            throw new InvalidOperationException(
                $"This account has no per-user application data folder; set {HomeVariable} or give a state path.");
        }

        return Path.Combine(applicationData, ApplicationFolderName, fileName);
    }
}
