using System.Management.Automation;

namespace Autotask.Billing.Infrastructure;

/// <summary>
/// The -Path arguments of the commands that read vendor exports, resolved to files: wildcards expanded, a path that
/// matches nothing or names a folder reported as one clear error each (a folder is not "access denied").
/// </summary>
internal static class ExportPaths
{
    public static List<string> Resolve(PSCmdlet cmdlet, IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            try
            {
                foreach (var file in cmdlet.GetResolvedProviderPathFromPSPath(path, out _))
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
                cmdlet.WriteError(ErrorRecords.Create(exception, ErrorIds.PathNotFound, ErrorCategory.ObjectNotFound, path));
            }
        }

        return files;
    }
}
