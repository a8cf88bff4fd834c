using System.Globalization;
using System.Management.Automation;
using Autotask.Billing.Autotask;
using Autotask.Billing.Loose;
using Autotask.Billing.Mapping;
using Autotask.Billing.Sync;

namespace Autotask.Billing.Infrastructure;

/// <summary>
/// Base of the mapping and setup cmdlets: where the store is (-StatePath, else one file per connected database),
/// reading it, and saving a whole invocation's changes as one atomic update — store-in-use and invalid-store
/// failures stop the cmdlet, since nothing else it does can succeed.
/// </summary>
public abstract class MappingCmdlet : AtBillingCmdlet
{
    private string? _storePath;

    /// <summary>The folder of the mapping store, or a .json file that is the store; default: per database under AUTOTASK_BILLING_HOME or the user's application data.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? StatePath { get; set; }

    /// <summary>The store file. Without a -StatePath naming a .json file the store is per database, so this needs the connection.</summary>
    protected string StorePath => _storePath ??= ResolveStorePath();

    /// <summary>
    /// The sync journals of this store: journal/&lt;store name&gt;/ beside it, so that runs against different databases
    /// (a sandbox and production, say) never show up in each other's history.
    /// </summary>
    protected string JournalFolder => MappingStoreLocation.JournalFolderFor(StorePath);

    /// <summary>The connection when there is one; mapping commands that only touch the store work without it.</summary>
    private protected ActiveConnection? OptionalConnection => Session.Connection;

    private protected static AutotaskCatalogReader? CatalogOf(ActiveConnection? connection) =>
        connection is null ? null : new AutotaskCatalogReader(connection.Client);

    protected MappingDocument ReadDocument()
    {
        try
        {
            return MappingStore.Read(StorePath);
        }
        catch (Exception exception) when (exception is MappingValidationException or IOException or UnauthorizedAccessException)
        {
            ThrowTerminatingErrorFor(exception, StorePath);
            throw;
        }
    }

    /// <summary>Applies the change to the newest document under the store's lock and saves it atomically.</summary>
    protected MappingDocument SaveChanges(Func<MappingDocument, MappingDocument> change)
    {
        try
        {
            using var store = MappingStore.Open(StorePath);
            var saved = store.Update(change);
            WriteVerbose($"Saved the mapping store {store.Path}.");
            return saved;
        }
        catch (Exception exception) when (exception is MappingValidationException or MappingStoreConflictException or IOException or UnauthorizedAccessException)
        {
            ThrowTerminatingErrorFor(exception, StorePath);
            throw;
        }
    }

    /// <summary>Runs core work that reads Autotask; an Autotask failure stops the cmdlet with its mapped error.</summary>
    protected T RunAutotask<T>(Func<CancellationToken, Task<T>> work)
    {
        try
        {
            return Run(work);
        }
        catch (Exception exception) when (exception is AutotaskException or HttpRequestException)
        {
            ThrowTerminatingErrorFor(exception, null);
            throw;
        }
    }

    /// <summary>An invalid row or parameter set for one mapping: a non-terminating error, the next one carries on.</summary>
    protected void WriteRowError(string subject, IReadOnlyList<MappingProblem> problems, object? target) =>
        WriteError(ErrorRecords.Create(new MappingValidationException(subject, problems), ErrorIds.MappingRowInvalid, ErrorCategory.InvalidData, target));

    protected void WriteTargetError(string message, bool isNotFound, object? target) =>
        WriteError(ErrorRecords.Create(
            new InvalidOperationException(message),
            ErrorIds.MappingTargetInvalid,
            isNotFound ? ErrorCategory.ObjectNotFound : ErrorCategory.InvalidArgument,
            target));

    protected bool IsBound(string parameterName) => MyInvocation.BoundParameters.ContainsKey(parameterName);

    /// <summary>
    /// A -Source typed on the command line must be one the readers produce or the store already has, so that a typo
    /// ("Pax-8") cannot make a mapping no line will ever use; its known spelling is returned. Sources bound from
    /// pipeline objects (billing lines, re-imported rows) come from the data and are taken as they are.
    /// </summary>
    protected string? KnownSource(string source, Func<MappingDocument> document)
    {
        if (MyInvocation.ExpectingInput)
        {
            return source;
        }

        var known = BillingSources.KnownTo(document());
        if (BillingSources.Match(source, known) is { } match)
        {
            return match;
        }

        var exception = new ArgumentException(
            $"'{source}' is not a vendor source the module reads or the mapping store knows ({string.Join(", ", known)}). " +
            "For a source named by your own profile or a CSV Source column, pipe its billing lines (Get-AtTransaction ... | New-AtContractMapping).");
        WriteError(ErrorRecords.Create(exception, ErrorIds.InvalidArgument, ErrorCategory.InvalidArgument, source));
        return null;
    }

    /// <summary>
    /// A pipeline object as the text row the CSV readers take: Import-Csv rows as they are, typed objects (a
    /// deserialized mapping, an admin's own object) with their values in the text forms the rows use.
    /// </summary>
    protected static Dictionary<string, string?> RowOf(PSObject input)
    {
        var row = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in PropertyBag.From(input))
        {
            row[pair.Key] = Text(pair.Value);
        }

        return row;
    }

    private bool WhatIfRequested() =>
        MyInvocation.BoundParameters.TryGetValue("WhatIf", out var whatIf)
            ? whatIf is SwitchParameter { IsPresent: true }
            : LanguagePrimitives.IsTrue(SessionState.PSVariable.GetValue("WhatIfPreference"));

    /// <summary>
    /// The store's sync lock for the whole run of a sync or push (one writer per database), waiting up to
    /// <paramref name="waitSeconds"/> for another one to end; null under -WhatIf, which writes nothing, not even the lock file.
    /// </summary>
    private protected SyncLock? AcquireSyncLock(int waitSeconds)
    {
        if (WhatIfRequested())
        {
            return null;
        }

        // The store's path needs the session's connection: resolve it here on the pipeline thread.
        var storePath = StorePath;
        try
        {
            var held = Run(token => SyncLock.AcquireAsync(storePath, TimeSpan.FromSeconds(waitSeconds), token));
            WriteVerbose($"Holding the sync lock {held.LockPath} for this run.");
            return held;
        }
        catch (Exception exception) when (exception is SyncInProgressException or UnauthorizedAccessException)
        {
            ThrowTerminatingErrorFor(exception, storePath);
            throw;
        }
    }

    /// <summary>
    /// A sync's or push's result, with an error record when a person has to act: it failed, or Autotask's answer was
    /// lost and the record could not be seen (Unconfirmed).
    /// </summary>
    private protected void WriteSyncResult(SyncResult result)
    {
        WriteObject(result);
        if (result.Status == SyncStatus.Failed)
        {
            var exception = new InvalidOperationException($"{result.Target}: {result.Action} failed: {result.Reason}");
            WriteError(ErrorRecords.Create(exception, ErrorIds.SyncOperationFailed, ErrorCategory.InvalidOperation, result));
        }
        else if (result.Status == SyncStatus.Unconfirmed)
        {
            var exception = new InvalidOperationException($"{result.Target}: {result.Action} is unconfirmed: {result.Reason}");
            WriteError(ErrorRecords.Create(exception, ErrorIds.SyncOperationUnconfirmed, ErrorCategory.OperationTimeout, result,
                "Check Autotask for the record, or run the same command again in a few minutes: it creates the record only if it is still missing."));
        }
    }

    /// <summary>
    /// The row of a piped mapping (<typeparamref name="TMapping"/>, as Get emitted it) or of an Import-Csv row of one,
    /// with the export's formula guard taken off (<see cref="MappingSpreadsheetText.Restore"/>).
    /// </summary>
    protected static Dictionary<string, string?> RestoredRowOf<TMapping>(PSObject input, Func<TMapping, IEnumerable<KeyValuePair<string, string>>> toRow)
    {
        var row = input.BaseObject is TMapping mapping ? RowOf(toRow(mapping)) : RowOf(input);
        MappingSpreadsheetText.Restore(row);
        return row;
    }

    protected static Dictionary<string, string?> RowOf(IEnumerable<KeyValuePair<string, string>> values) =>
        values.ToDictionary(pair => pair.Key, pair => (string?)pair.Value, StringComparer.OrdinalIgnoreCase);

    protected static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    protected static string? Text(object? value) => LooseValue.Text(value);

    private string ResolveStorePath()
    {
        var statePath = StatePath is null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(StatePath);
        if (statePath is not null && string.Equals(System.IO.Path.GetExtension(statePath), ".json", StringComparison.OrdinalIgnoreCase))
        {
            return System.IO.Path.GetFullPath(statePath);
        }

        var connection = RequireConnection();
        try
        {
            var path = MappingStoreLocation.Resolve(statePath, connection.DatabaseKey);
            if (connection.LegacyDatabaseKey is { } legacyKey
                && MappingStoreLocation.AdoptLegacyStore(path, MappingStoreLocation.Resolve(statePath, legacyKey)) is { } legacyPath)
            {
                WriteVerbose($"Moved the mapping store {legacyPath}, kept by the zone host's name, to {path}, named after the database.");
            }

            return path;
        }
        catch (InvalidOperationException exception)
        {
            ThrowTerminatingError(ErrorRecords.Create(exception, ErrorIds.PathNotFound, ErrorCategory.ObjectNotFound, statePath, $"Set {MappingStoreLocation.HomeVariable} or pass -StatePath."));
            throw;
        }
    }
}
