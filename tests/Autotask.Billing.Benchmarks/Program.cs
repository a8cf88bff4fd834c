namespace Autotask.Billing.Benchmarks;

/// <summary>Prints speed and memory figures; one sub-command per benchmark, last line one JSON object.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var commands = typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IBenchmarkCommand).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .Select(t => (IBenchmarkCommand)Activator.CreateInstance(t)!)
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToList();

        var name = args.Length > 0 ? args[0] : string.Empty;
        var command = commands.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
        if (command is null)
        {
            Console.Error.WriteLine($"Unknown benchmark '{name}'. Known:");
            foreach (var known in commands)
            {
                Console.Error.WriteLine($"  {known.Usage}");
            }

            return 2;
        }

        return command.Run(args.Skip(1).ToList());
    }
}
