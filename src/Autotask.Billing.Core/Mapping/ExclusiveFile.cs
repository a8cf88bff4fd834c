namespace Autotask.Billing.Mapping;

/// <summary>Opens a lock file without sharing: on every OS a second open, in this process or another, is refused.</summary>
internal static class ExclusiveFile
{
    public static bool TryOpen(string path, out FileStream? stream, out IOException? refusal)
    {
        try
        {
            stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1);
            refusal = null;
            return true;
        }
        catch (IOException e) when (e is not (DirectoryNotFoundException or FileNotFoundException or PathTooLongException))
        {
            stream = null;
            refusal = e;
            return false;
        }
    }
}
