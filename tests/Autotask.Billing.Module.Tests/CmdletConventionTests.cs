using System.Text.RegularExpressions;

namespace Autotask.Billing.Module.Tests;

[Collection(BuiltModuleCollection.Name)]
public sealed class CmdletConventionTests
{
    private readonly BuiltModule _module;

    public CmdletConventionTests(BuiltModule module) => _module = module;

    public static TheoryData<string> CmdletNames()
    {
        using var module = new BuiltModule();
        var data = new TheoryData<string>();
        foreach (var cmdlet in module.Cmdlets)
        {
            data.Add(cmdlet.Name);
        }

        return data;
    }

    [Fact]
    public void The_module_exports_cmdlets()
    {
        Assert.NotEmpty(_module.Cmdlets);
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Every_cmdlet_uses_an_approved_verb(string name)
    {
        Assert.Contains(Cmdlet(name).Verb, PowerShellVerbs.Approved);
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Every_cmdlet_noun_carries_the_At_prefix_and_is_singular(string name)
    {
        var noun = Cmdlet(name).Noun;
        Assert.Matches("^At[A-Z][A-Za-z]+$", noun);
        Assert.False(noun.EndsWith("s", StringComparison.Ordinal) && !noun.EndsWith("ss", StringComparison.Ordinal), $"{name}: nouns are singular.");
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Every_cmdlet_declares_its_output_type(string name)
    {
        Assert.NotEmpty(Cmdlet(name).OutputTypes);
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Every_writing_cmdlet_supports_ShouldProcess(string name)
    {
        var cmdlet = Cmdlet(name);
        if (PowerShellVerbs.Writing.Contains(cmdlet.Verb))
        {
            Assert.True(cmdlet.SupportsShouldProcess, $"{name} writes, so it must support -WhatIf and -Confirm.");
        }
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Every_cmdlet_class_is_sealed_and_named_after_its_cmdlet(string name)
    {
        var cmdlet = Cmdlet(name);
        Assert.True(cmdlet.Type.IsSealed, $"{cmdlet.Type.FullName} should be sealed.");
        Assert.Equal($"{cmdlet.Verb}{cmdlet.Noun}Command", cmdlet.Type.Name);
        Assert.Equal("Autotask.Billing.Commands", cmdlet.Type.Namespace);
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Every_cmdlet_derives_from_the_cancellable_base(string name)
    {
        Assert.True(BuiltModule.DerivesFrom(Cmdlet(name).Type, "Autotask.Billing.Infrastructure.AtBillingCmdlet"));
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void No_two_parameters_of_a_parameter_set_share_a_position(string name)
    {
        var cmdlet = Cmdlet(name);
        var sets = cmdlet.Parameters.SelectMany(p => p.ParameterSets).Where(s => s != "__AllParameterSets").Distinct().DefaultIfEmpty("__AllParameterSets");
        foreach (var set in sets)
        {
            var positions = cmdlet.Parameters
                .SelectMany(p => p.Positions.Where(x => x.Set == set || x.Set == "__AllParameterSets").Select(x => (p.Name, x.Position)))
                .GroupBy(x => x.Position)
                .Where(g => g.Count() > 1)
                .Select(g => $"position {g.Key}: {string.Join(", ", g.Select(x => x.Name))}");
            Assert.Empty(positions);
        }
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void The_default_parameter_set_is_one_the_cmdlet_declares(string name)
    {
        var cmdlet = Cmdlet(name);
        if (cmdlet.DefaultParameterSetName is { } defaultSet)
        {
            Assert.Contains(defaultSet, cmdlet.Parameters.SelectMany(p => p.ParameterSets));
        }
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void No_parameter_or_alias_collides_with_a_common_parameter(string name)
    {
        var common = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "Verbose", "vb", "Debug", "db", "ErrorAction", "ea", "WarningAction", "wa", "InformationAction", "infa",
            "ProgressAction", "proga", "ErrorVariable", "ev", "WarningVariable", "wv", "InformationVariable", "iv",
            "OutVariable", "ov", "OutBuffer", "ob", "PipelineVariable", "pv", "WhatIf", "wi", "Confirm", "cf", "UseTransaction", "usetx",
        };
        var names = Cmdlet(name).Parameters.SelectMany(p => p.Aliases.Prepend(p.Name));
        Assert.DoesNotContain(names, common.Contains);
    }

    [Fact]
    public void Error_ids_are_PascalCase_constants_without_spaces()
    {
        var errorIds = _module.Assembly.GetType("Autotask.Billing.Infrastructure.ErrorIds", throwOnError: true)!;
        var fields = errorIds.GetFields().Where(f => f.IsLiteral).ToList();
        Assert.NotEmpty(fields);
        foreach (var field in fields)
        {
            var value = (string)field.GetRawConstantValue()!;
            Assert.Matches(new Regex("^[A-Z][A-Za-z0-9]+$"), value);
            Assert.Equal(field.Name, value);
        }
    }

    private CmdletMetadata Cmdlet(string name) => _module.Cmdlets.Single(c => c.Name == name);
}
