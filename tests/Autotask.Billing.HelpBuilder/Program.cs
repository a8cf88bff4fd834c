using Autotask.Billing.HelpBuilder;

const string Usage = """
    usage: dotnet run --project tests/Autotask.Billing.HelpBuilder -- <command> [--repository <path>]

      update-markdown  create or refresh docs/<Verb-Noun>.md for every cmdlet of the built module
                       (out/Autotask.Billing/net8.0): syntax, parameters and yaml from metadata, prose kept
      build-maml       build docs/en-US/Autotask.Billing.dll-Help.xml from docs/*.md, and
                       docs/en-US/about_*.help.txt from docs/about_*.md
      build-about      only the about_*.help.txt files (what platyPS does not build)
    """;

string? command = null;
string? repository = null;
for (var index = 0; index < args.Length; index++)
{
    if (args[index] == "--repository" && index + 1 < args.Length)
    {
        repository = args[++index];
    }
    else if (command is null && !args[index].StartsWith('-'))
    {
        command = args[index];
    }
    else
    {
        Console.Error.WriteLine($"Unexpected argument '{args[index]}'.");
        Console.Error.WriteLine(Usage);
        return 2;
    }
}

try
{
    var help = new HelpCommands(RepositoryPaths.Find(repository), Console.Out);
    switch (command)
    {
        case "update-markdown":
            return help.UpdateMarkdown() == 0 ? 0 : 1;
        case "build-maml":
            help.BuildMaml();
            return 0;
        case "build-about":
            help.BuildAboutTopics();
            return 0;
        default:
            Console.Error.WriteLine(Usage);
            return 2;
    }
}
catch (InvalidOperationException exception)
{
    Console.Error.WriteLine(exception.Message);
    return 1;
}
