using System.Text;
using Autotask.Billing.HelpBuilder.Maml;
using Autotask.Billing.HelpBuilder.Markdown;
using Autotask.Billing.HelpBuilder.Metadata;

namespace Autotask.Billing.HelpBuilder;

/// <summary>The two things the tool does: refresh docs/*.md from the built module, and build docs/en-US from them.</summary>
public sealed class HelpCommands
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    private readonly RepositoryPaths _paths;
    private readonly TextWriter _log;

    public HelpCommands(RepositoryPaths paths, TextWriter log)
    {
        _paths = paths;
        _log = log;
    }

    /// <summary>Creates or refreshes docs/&lt;Verb-Noun&gt;.md for every cmdlet; returns how many cmdlet files are stale.</summary>
    public int UpdateMarkdown()
    {
        var cmdlets = BuiltModuleReader.ReadCmdlets(_paths, _log);
        foreach (var cmdlet in cmdlets)
        {
            var path = Path.Combine(_paths.Docs, cmdlet.Name + ".md");
            var existing = File.Exists(path) ? CommandHelpReader.Read(File.ReadAllText(path)) : null;
            var text = CommandHelpWriter.Write(MarkdownHelpUpdater.Update(cmdlet, existing));
            var status = !WriteIfChanged(path, text, Utf8) ? "unchanged" : existing is null ? "created  " : "updated  ";
            _log.WriteLine($"{status} {Relative(path)}");
        }

        var names = cmdlets.Select(c => c.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var stale = CommandFiles().Where(file => !names.Contains(file.Help.Title)).ToList();
        foreach (var (path, help) in stale)
        {
            _log.WriteLine($"warning: {Relative(path)} documents {help.Title}, which the module no longer has; delete it or restore the cmdlet.");
        }

        return stale.Count;
    }

    /// <summary>Builds docs/en-US/Autotask.Billing.dll-Help.xml and the about_*.help.txt files.</summary>
    public void BuildMaml()
    {
        Directory.CreateDirectory(_paths.HelpOutput);
        var commands = CommandFiles().Select(file => file.Help).OrderBy(help => help.Title, StringComparer.Ordinal).ToList();
        var maml = Path.Combine(_paths.HelpOutput, RepositoryPaths.MamlFileName);
        Report(maml, WriteIfChanged(maml, MamlWriter.Write(commands), Utf8), $"{commands.Count} commands");
        BuildAboutTopics();
    }

    /// <summary>Builds only docs/en-US/about_*.help.txt (platyPS 1.x converts cmdlet help, not about topics).</summary>
    public void BuildAboutTopics()
    {
        Directory.CreateDirectory(_paths.HelpOutput);
        foreach (var about in Directory.GetFiles(_paths.Docs, "about_*.md").OrderBy(p => p, StringComparer.Ordinal))
        {
            var target = Path.Combine(_paths.HelpOutput, Path.GetFileNameWithoutExtension(about) + ".help.txt");
            // Windows PowerShell 5.1 reads a help text without a byte-order mark in the ANSI code page.
            Report(target, WriteIfChanged(target, AboutTopicConverter.Convert(File.ReadAllText(about)), Utf8WithBom), "about topic");
        }
    }

    private IEnumerable<(string Path, CommandHelp Help)> CommandFiles() =>
        Directory.GetFiles(_paths.Docs, "*-*.md")
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(path => (Path: path, Help: CommandHelpReader.Read(File.ReadAllText(path))))
            .Where(file => string.Equals(file.Help.FrontMatterValue("document type"), "cmdlet", StringComparison.OrdinalIgnoreCase));

    private void Report(string path, bool changed, string what) =>
        _log.WriteLine($"{(changed ? "wrote    " : "unchanged")} {Relative(path)} ({what})");

    private static bool WriteIfChanged(string path, string text, Encoding encoding)
    {
        if (File.Exists(path) && File.ReadAllText(path) == text)
        {
            return false;
        }

        File.WriteAllText(path, text, encoding);
        return true;
    }

    private string Relative(string path) => Path.GetRelativePath(_paths.Root, path).Replace('\\', '/');
}
