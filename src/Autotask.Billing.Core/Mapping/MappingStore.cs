using System.Text;

namespace Autotask.Billing.Mapping;

/// <summary>
/// One mapping store file, opened for a run: locked against other runs while open, read and validated on open, and
/// saved atomically (a temporary file in the same folder, flushed to disk, then swapped in with the previous copy
/// kept as <c>.bak</c>), so a crash at any moment leaves either the old or the new document, never a torn one.
/// </summary>
public sealed class MappingStore : IDisposable
{
    public const string BackupSuffix = ".bak";
    private const string TemporarySuffix = ".tmp";

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    private readonly MappingStoreLock storeLock;
    private readonly Action<string>? beforeReplace;
    private string? textOnDisk;
    private bool disposed;

    private MappingStore(MappingStoreLock storeLock, Action<string>? beforeReplace)
    {
        this.storeLock = storeLock;
        this.beforeReplace = beforeReplace;
        Document = MappingDocument.Empty;
    }

    /// <summary>The full path of the store file.</summary>
    public string Path => storeLock.StorePath;

    /// <summary>The document as last read or saved by this run.</summary>
    public MappingDocument Document { get; private set; }

    /// <summary>
    /// Locks and reads the store at <paramref name="path"/>; a store that does not exist yet opens empty and is
    /// created by the first save. Throws <see cref="MappingStoreInUseException"/> when another run holds it and
    /// <see cref="MappingValidationException"/> when the file breaks a rule.
    /// </summary>
    public static MappingStore Open(string path) => Open(path, beforeReplace: null);

    public static Task<MappingStore> OpenAsync(string path, CancellationToken cancellationToken = default) =>
        OpenAsync(path, beforeReplace: null, cancellationToken);

    /// <summary>Reads a store without locking it, for commands that only show mappings.</summary>
    public static MappingDocument Read(string path)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        var text = ReadText(fullPath);
        return text is null ? MappingDocument.Empty : MappingJsonReader.Read(text, Subject(fullPath));
    }

    public static async Task<MappingDocument> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        var text = await ReadTextAsync(fullPath, cancellationToken).ConfigureAwait(false);
        return text is null ? MappingDocument.Empty : MappingJsonReader.Read(text, Subject(fullPath));
    }

    /// <summary>Writes <paramref name="document"/> if the file still holds what this run last read or saved.</summary>
    public void Save(MappingDocument document)
    {
        var bytes = Prepare(document);
        if (ReadText(Path) != textOnDisk)
        {
            throw new MappingStoreConflictException(Path);
        }

        WriteAtomically(bytes);
        Accept(document, bytes);
    }

    public async Task SaveAsync(MappingDocument document, CancellationToken cancellationToken = default)
    {
        var bytes = Prepare(document);
        if (await ReadTextAsync(Path, cancellationToken).ConfigureAwait(false) != textOnDisk)
        {
            throw new MappingStoreConflictException(Path);
        }

        await WriteAtomicallyAsync(bytes, cancellationToken).ConfigureAwait(false);
        Accept(document, bytes);
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the newest document on disk and saves the result: a hand edit made while
    /// the run was busy is kept, not overwritten. Returns the saved document.
    /// </summary>
    public MappingDocument Update(Func<MappingDocument, MappingDocument> change)
    {
        ThrowIfDisposed();
        var current = ReadText(Path);
        if (current != textOnDisk)
        {
            Load(current);
        }

        var changed = change(Document);
        Save(changed);
        return changed;
    }

    public async Task<MappingDocument> UpdateAsync(
        Func<MappingDocument, MappingDocument> change, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        var current = await ReadTextAsync(Path, cancellationToken).ConfigureAwait(false);
        if (current != textOnDisk)
        {
            Load(current);
        }

        var changed = change(Document);
        await SaveAsync(changed, cancellationToken).ConfigureAwait(false);
        return changed;
    }

    public void Dispose()
    {
        disposed = true;
        storeLock.Dispose();
    }

    internal static MappingStore Open(string path, Action<string>? beforeReplace)
    {
        var store = new MappingStore(MappingStoreLock.Acquire(path), beforeReplace);
        try
        {
            store.RemoveOrphanedTemporaryFiles();
            store.Load(ReadText(store.Path));
            return store;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    internal static async Task<MappingStore> OpenAsync(
        string path, Action<string>? beforeReplace, CancellationToken cancellationToken)
    {
        var store = new MappingStore(MappingStoreLock.Acquire(path), beforeReplace);
        try
        {
            store.RemoveOrphanedTemporaryFiles();
            store.Load(await ReadTextAsync(store.Path, cancellationToken).ConfigureAwait(false));
            return store;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    private static string Subject(string fullPath) => $"The mapping store at {fullPath}";

    private static string? ReadText(string fullPath)
    {
        try
        {
            using var stream = OpenForReading(fullPath, useAsync: false);
            using var reader = new StreamReader(stream, Utf8NoBom, detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            // A first run: neither the store nor its folder exists yet; the first save creates both.
            return null;
        }
    }

    private static async Task<string?> ReadTextAsync(string fullPath, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            using var stream = OpenForReading(fullPath, useAsync: true);
            using var reader = new StreamReader(stream, Utf8NoBom, detectEncodingFromByteOrderMarks: true);
            var text = await reader.ReadToEndAsync().ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            return text;
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            // A first run: neither the store nor its folder exists yet; the first save creates both.
            return null;
        }
    }

    /// <summary>Shares everything, so reading never blocks a writer's swap on Windows.</summary>
    private static FileStream OpenForReading(string fullPath, bool useAsync) =>
        new(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 4096, useAsync);

    private void Load(string? text)
    {
        Document = text is null ? MappingDocument.Empty : MappingJsonReader.Read(text, Subject(Path));
        textOnDisk = text;
    }

    private byte[] Prepare(MappingDocument document)
    {
        ThrowIfDisposed();
        if (document is null)
        {
            throw new ArgumentNullException(nameof(document));
        }

        var problems = MappingDocumentValidator.Validate(document);
        if (problems.Count > 0)
        {
            throw new MappingValidationException($"The change to the mapping store at {Path}", problems);
        }

        return Utf8NoBom.GetBytes(MappingJsonWriter.Write(document));
    }

    private void Accept(MappingDocument document, byte[] bytes)
    {
        Document = document;
        textOnDisk = Utf8NoBom.GetString(bytes);
    }

    private void WriteAtomically(byte[] bytes)
    {
        var temporaryPath = NewTemporaryPath();
        try
        {
            using (var stream = new FileStream(temporaryPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.WriteThrough))
            {
                stream.Write(bytes, 0, bytes.Length);
                stream.Flush(flushToDisk: true);
            }

            SwapIn(temporaryPath);
        }
        catch
        {
            DeleteQuietly(temporaryPath);
            throw;
        }
    }

    private async Task WriteAtomicallyAsync(byte[] bytes, CancellationToken cancellationToken)
    {
        var temporaryPath = NewTemporaryPath();
        try
        {
            using (var stream = new FileStream(temporaryPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.WriteThrough | FileOptions.Asynchronous))
            {
                await stream.WriteAsync(bytes, 0, bytes.Length, cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            cancellationToken.ThrowIfCancellationRequested();
            SwapIn(temporaryPath);
        }
        catch
        {
            DeleteQuietly(temporaryPath);
            throw;
        }
    }

    private void SwapIn(string temporaryPath)
    {
        beforeReplace?.Invoke(temporaryPath);
        if (File.Exists(Path))
        {
            File.Replace(temporaryPath, Path, Path + BackupSuffix, ignoreMetadataErrors: true);
        }
        else
        {
            File.Move(temporaryPath, Path);
        }
    }

    private string NewTemporaryPath() => $"{Path}.{Guid.NewGuid():N}{TemporarySuffix}";

    /// <summary>A run that crashed mid-save leaves its temporary file; holding the lock, nobody else is writing one.</summary>
    private void RemoveOrphanedTemporaryFiles()
    {
        var folder = System.IO.Path.GetDirectoryName(Path)!;
        var pattern = System.IO.Path.GetFileName(Path) + ".*" + TemporarySuffix;
        foreach (var orphan in Directory.EnumerateFiles(folder, pattern))
        {
            DeleteQuietly(orphan);
        }
    }

    private static void DeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // A leftover temporary file is harmless and removed by the next open.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }

    private void ThrowIfDisposed()
    {
        if (disposed)
        {
            throw new ObjectDisposedException(nameof(MappingStore), $"The mapping store at {Path} was closed.");
        }
    }
}
