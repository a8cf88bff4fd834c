using System.Management.Automation.Host;

namespace Autotask.Billing.Infrastructure;

/// <summary>
/// Whether the session can ask a person for input: not with -NonInteractive, not in a host without a UI (a
/// scheduled task's default host, a remoting server). The console host can when its input is a keyboard; any other
/// host with a UI (the ISE, Visual Studio Code) prompts through its own dialogs, whatever Console.IsInputRedirected
/// says — in the ISE there is no console at all and it reports input as redirected.
/// </summary>
internal static class InteractiveSession
{
    public const string ConsoleHostName = "ConsoleHost";

    public static bool CanPrompt(PSHost host) => CanPrompt(host, Environment.GetCommandLineArgs(), IsConsoleInputRedirected);

    internal static bool CanPrompt(PSHost host, IEnumerable<string> commandLine, Func<bool> consoleInputRedirected)
    {
        if (commandLine.Any(argument => argument.StartsWith("-noni", StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        if (host is null || host.UI is null || host.Name is "Default Host" or "ServerRemoteHost")
        {
            return false;
        }

        return host.Name != ConsoleHostName || !consoleInputRedirected();
    }

    private static bool IsConsoleInputRedirected()
    {
        try
        {
            return Console.IsInputRedirected;
        }
        catch (IOException)
        {
            return true;
        }
    }
}
