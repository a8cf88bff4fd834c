using System.Management.Automation.Host;

namespace Autotask.Billing.Infrastructure;

/// <summary>Whether the session can ask a person for input (a scheduled task, a remoting host or redirected input cannot).</summary>
internal static class InteractiveSession
{
    public static bool CanPrompt(PSHost host)
    {
        if (Environment.GetCommandLineArgs().Any(argument => argument.StartsWith("-noni", StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        if (host.Name is "Default Host" or "ServerRemoteHost")
        {
            return false;
        }

        try
        {
            return !Console.IsInputRedirected;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
