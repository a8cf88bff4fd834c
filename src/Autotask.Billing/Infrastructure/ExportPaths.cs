using System.Management.Automation;

namespace Autotask.Billing.Infrastructure;

/// <summary>
/// The -Path arguments of the commands that read vendor exports, resolved to files: wildcards expanded, a path that
/// matches nothing or names a folder reported as one clear error each (a folder is not "access denied"). With
/// <c>stopOnMissing</c> a path that matches no file ends the command instead.
/// </summary>
internal static class ExportPaths
{
    public static List<string> Resolve(PSCmdlet cmdlet, IEnumerable<string> paths, bool stopOnMissing = false)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            try
            {
                var matched = cmdlet.GetResolvedProviderPathFromPSPath(path, out _);
                if (matched.Count == 0)
                {
                    throw new ItemNotFoundException($"No file matches '{path}'.");
                }

                foreach (var file in matched)
                {
                    if (Directory.Exists(file))
                    {
                        var exception = new ArgumentException(
                            $"'{file}' is a folder, not an export file. Name the files in it, for example -Path '{System.IO.Path.Combine(file, "*.csv")}'.");
                        cmdlet.WriteError(ErrorRecords.Create(exception, ErrorIds.PathIsFolder, ErrorCategory.InvalidArgument, path));
                        continue;
                    }

                    files.Add(file);
                }
            }
            catch (ItemNotFoundException exception)
            {
                var record = ErrorRecords.Create(exception, ErrorIds.PathNotFound, ErrorCategory.ObjectNotFound, path);
                if (stopOnMissing)
                {
                    cmdlet.ThrowTerminatingError(record);
                }

                cmdlet.WriteError(record);
            }
        }

        return files;
    }
}
