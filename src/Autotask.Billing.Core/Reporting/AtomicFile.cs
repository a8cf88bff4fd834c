namespace Autotask.Billing.Reporting;

/// <summary>
/// Writes a file all at once or not at all: the content goes to a temporary file beside it, which then replaces the
/// target in one rename. A failed or cancelled write leaves an existing file as it was and no temporary file behind.
/// </summary>
internal static class AtomicFile
{
    public static async Task WriteAsync(string path, bool overwrite, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        var fullPath = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(fullPath) ?? throw new ArgumentException($"'{path}' is not a file path.", nameof(path));
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"The folder '{directory}' does not exist.");
        }

        if (!overwrite && File.Exists(fullPath))
        {
            throw new ReportFileExistsException(fullPath);
        }

        var temporary = Path.Combine(directory, "." + Path.GetFileName(fullPath) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await write(stream, cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            cancellationToken.ThrowIfCancellationRequested();
            Publish(temporary, fullPath, overwrite);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    private static void Publish(string temporary, string target, bool overwrite)
    {
        if (overwrite && File.Exists(target))
        {
            File.Replace(temporary, target, destinationBackupFileName: null, ignoreMetadataErrors: true);
            return;
        }

        try
        {
            // Move never overwrites: a file created meanwhile by someone else survives.
            File.Move(temporary, target);
        }
        catch (IOException) when (File.Exists(target))
        {
            if (!overwrite)
            {
                throw new ReportFileExistsException(target);
            }

            File.Replace(temporary, target, destinationBackupFileName: null, ignoreMetadataErrors: true);
        }
    }
}
