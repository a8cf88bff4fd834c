using System.Management.Automation;
using System.Reflection;

namespace Autotask.Billing.Infrastructure;

/// <summary>
/// Runs when the module is imported and removed. On Windows PowerShell (.NET Framework) there are no binding
/// redirects for a module's dependencies, so when two of them ask for different versions of a shared assembly (the
/// System.* and Microsoft.Bcl.* packages Polly.Core and CsvHelper bring) the load fails; this resolves such requests to
/// the copy in the module's own folder. .NET (pwsh 7) binds to the higher version by itself.
/// </summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    private static readonly string ModuleFolder = Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location) ?? string.Empty;

    public void OnImport()
    {
        if (IsNetFramework)
        {
            AppDomain.CurrentDomain.AssemblyResolve += ResolveFromModuleFolder;
        }

        EnableTls12();
    }

    /// <summary>
    /// Windows PowerShell 5.1 on .NET Framework 4.7.2 may still default to TLS 1.0/1.1, which Autotask refuses; TLS 1.2
    /// is added to (never replaces) what the session allows. .NET (pwsh 7) negotiates with the operating system.
    /// </summary>
    internal static void EnableTls12()
    {
#if NETFRAMEWORK
        System.Net.ServicePointManager.SecurityProtocol |= System.Net.SecurityProtocolType.Tls12;
#endif
    }

    public void OnRemove(PSModuleInfo psModuleInfo)
    {
        if (IsNetFramework)
        {
            AppDomain.CurrentDomain.AssemblyResolve -= ResolveFromModuleFolder;
        }

        // Only this runspace's: a thread job removing the module must not end the main session's connection.
        RunspaceState.Current.Release();
    }

    private static bool IsNetFramework => System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal);

    private static Assembly? ResolveFromModuleFolder(object? sender, ResolveEventArgs args)
    {
        var name = new AssemblyName(args.Name).Name;
        if (string.IsNullOrEmpty(name) || ModuleFolder.Length == 0)
        {
            return null;
        }

        var candidate = Path.Combine(ModuleFolder, name + ".dll");
        return File.Exists(candidate) ? Assembly.LoadFrom(candidate) : null;
    }
}
