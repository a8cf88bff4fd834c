using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace Autotask.Billing.Module.Tests;

/// <summary>
/// What Windows PowerShell 5.1 needs and this machine cannot run: checked in the net472 build's metadata.
/// </summary>
[Collection(BuiltModuleCollection.Name)]
public sealed class WindowsPowerShellTests
{
    private readonly BuiltModule _module;

    public WindowsPowerShellTests(BuiltModule module) => _module = module;

    [Fact]
    public void The_net472_build_opts_in_to_TLS_1_2_and_the_net8_build_leaves_it_to_the_operating_system()
    {
        Assert.Contains("set_SecurityProtocol", MemberReferences("net472"));
        Assert.DoesNotContain("set_SecurityProtocol", MemberReferences("net8.0"));
    }

    [Fact]
    public void Whether_a_session_can_prompt_is_decided_by_the_host_not_only_by_a_console_the_ISE_does_not_have()
    {
        var references = MemberReferences("net472");

        // The host's name and UI decide; Console.IsInputRedirected is asked only of the console host.
        Assert.Contains("get_UI", references);
        Assert.Contains("get_IsInputRedirected", references);
        Assert.Contains("ConsoleHost", UserStrings("net472"));
    }

    private HashSet<string> MemberReferences(string framework)
    {
        using var reader = Open(framework, out var stream);
        using (stream)
        {
            var metadata = reader.GetMetadataReader();
            return metadata.MemberReferences
                .Select(handle => metadata.GetString(metadata.GetMemberReference(handle).Name))
                .ToHashSet(StringComparer.Ordinal);
        }
    }

    private HashSet<string> UserStrings(string framework)
    {
        using var reader = Open(framework, out var stream);
        using (stream)
        {
            var metadata = reader.GetMetadataReader();
            var strings = new HashSet<string>(StringComparer.Ordinal);
            for (var handle = MetadataTokens.UserStringHandle(1); !handle.IsNil; handle = metadata.GetNextHandle(handle))
            {
                strings.Add(metadata.GetUserString(handle));
            }

            return strings;
        }
    }

    private PEReader Open(string framework, out FileStream stream)
    {
        stream = File.OpenRead(Path.Combine(_module.ModuleFolder, framework, "Autotask.Billing.dll"));
        return new PEReader(stream);
    }
}
