using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;

namespace Autotask.Billing.Module.Tests;

/// <summary>
/// Windows PowerShell 5.1 cannot run here, but the core it loads (the netstandard2.0 build in out/…/net472) can run on
/// .NET, in a load context of its own: with the Microsoft.Bcl packages shipped beside it, and the .NET builds of
/// CsvHelper, Newtonsoft.Json and Polly (the .NET Framework builds shipped there need .NET Framework). Its own code
/// paths (the CSV tokenizer's span search from System.Memory, the string pool without span hashing, SHA-256 through an
/// instance, the transaction codec's decimal words) then read the files the .NET build reads, and must read them to the
/// same lines and problems.
/// </summary>
public sealed class WindowsPowerShellCoreTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "atb-ns20-" + Guid.NewGuid().ToString("N"));

    public WindowsPowerShellCoreTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public void The_windows_powershell_core_reads_billing_files_to_the_lines_and_problems_the_net_core_reads()
    {
        using var module = new BuiltModule();
        var netFolder = Path.Combine(module.ModuleFolder, "net8.0");
        var windows = new CoreBuild(Path.Combine(module.ModuleFolder, "net472"), netFolder);
        var net = new CoreBuild(netFolder, netFolder);
        Assert.Equal(".NETStandard,Version=v2.0", windows.TargetFramework);
        Assert.Equal(".NETCoreApp,Version=v8.0", net.TargetFramework);

        var files = Inputs(module).ToList();
        var lines = 0;
        var problems = 0;
        foreach (var file in files)
        {
            var expected = net.Read(file, _folder);
            var actual = windows.Read(file, _folder);
            Assert.True(expected.Count > 0, file);
            for (var i = 0; i < Math.Max(expected.Count, actual.Count); i++)
            {
                Assert.True(
                    i < expected.Count && i < actual.Count && expected[i] == actual[i],
                    $"{Path.GetFileName(file)}, item {i + 1}:\n.NET:              {(i < expected.Count ? expected[i] : "(none)")}\nWindows PowerShell: {(i < actual.Count ? actual[i] : "(none)")}");
            }

            lines += expected.Count(item => item.StartsWith("line ", StringComparison.Ordinal));
            problems += expected.Count(item => item.StartsWith("problem ", StringComparison.Ordinal));
        }

        // A read that found nothing would compare nothing: thousands of lines and some rejected ones must be among them.
        Assert.True(lines > 5_000, $"only {lines} lines were read");
        Assert.True(problems > 100, $"only {problems} problems were reported");

        // The netstandard2.0 build spills only on Windows, where the file is deleted with its handle (SpillFile);
        // elsewhere its lines stay in memory.
        Assert.True(net.Spilled > 0 && windows.Spilled == (OperatingSystem.IsWindows() ? net.Spilled : 0), $"spilled chunks: {windows.Spilled} and {net.Spilled}");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private IEnumerable<string> Inputs(BuiltModule module)
    {
        yield return Path.Combine(module.ModuleFolder, "Samples", "demo-export.csv");
        var samples = Path.GetFullPath(Path.Combine(module.RepositoryRoot, "..", "shared", "billing-formats", "samples"));
        foreach (var sample in Directory.GetFiles(samples).Where(path => path.EndsWith(".csv", StringComparison.Ordinal) || path.EndsWith(".json", StringComparison.Ordinal)).OrderBy(path => path, StringComparer.Ordinal))
        {
            yield return sample;
        }

        yield return Write("generated.csv", Generated());
        yield return Write(
            "awkward.csv",
            "TransactionId,CustomerId,CustomerName,Sku,ProductName,ChargeType,Quantity,UnitPrice,Currency,ServiceStart,ServiceEnd\r\n" +
            "t1,c1,\"Contoso, \"\"Dental\"\"\",SKU-1,\"Two\r\nlines\",Recurring,1,10,USD,2026-10-01,2026-10-31\r\n" +
            "t2,c2,5\" monitor,SKU-2,Screen,OneTime,-2.50,0.0000001,usd,2026-10-01T06:00:00.0000000Z,2026-10-31\r\n" +
            "t3,c3,\"abc\"def,SKU-3,Thing,Recurring,1,\"1,250\",USD,2026-10-01,2026-10-31\r\n" +
            "t4,c4,Short,SKU-4\r\n" +
            "t5,c5,Zero,SKU-5,Thing,Recurring,-0,5.,EUR,2026-02-29,2026-10-31\r\n" +
            "t6,c6,\"never closed,SKU-6,Thing,Recurring,1,1,USD,2026-10-01,2026-10-31");
    }

    private static string Generated()
    {
        var text = new StringBuilder("TransactionId,CustomerId,CustomerName,CustomerDomain,Sku,ProductName,ChargeType,Quantity,UnitPrice,UnitCost,Currency,ServiceStart,ServiceEnd,SubscriptionId\r\n");
        var random = new Random(472);
        for (var i = 0; i < 6_000; i++)
        {
            var customer = i / 40;
            var start = new DateTime(2026, 10, 1).AddDays(random.Next(0, 20));
            text.Append(CultureInfo.InvariantCulture, $"g-{i},cust-{customer},\"Customer {customer}, Ltd\",c{customer}.example.com,SKU-{i % 7},\"Product \"\"{i % 7}\"\"\",")
                .Append(i % 5 == 0 ? "OneTime" : "Recurring").Append(',')
                .Append(CultureInfo.InvariantCulture, $"{random.Next(-3, 40)},{random.Next(0, 100_000) / 100m},{random.Next(0, 1_000)}.{random.Next(0, 10)},")
                .Append(i % 3 == 0 ? "EUR" : "USD").Append(',')
                .Append(i % 2 == 0 ? start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : start.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture))
                .Append(CultureInfo.InvariantCulture, $",2026-10-31,sub-{customer}-{i % 7}\r\n");
        }

        return text.ToString();
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    /// <summary>One build of the core: our assemblies from its folder, the framework's from the framework, the rest from the .NET build where it has them.</summary>
    private sealed class CoreBuild : AssemblyLoadContext
    {
        private static readonly HashSet<string> Framework = new(
            Directory.GetFiles(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "*.dll").Select(Path.GetFileNameWithoutExtension)!,
            StringComparer.OrdinalIgnoreCase);

        private readonly string _folder;
        private readonly string _libraries;
        private readonly Assembly _core;

        public CoreBuild(string folder, string libraries)
            : base("core " + folder)
        {
            _folder = folder;
            _libraries = libraries;
            _core = LoadFromAssemblyPath(Path.Combine(folder, "Autotask.Billing.Core.dll"));
            TargetFramework = _core.GetCustomAttribute<System.Runtime.Versioning.TargetFrameworkAttribute>()!.FrameworkName;
        }

        public string TargetFramework { get; }

        /// <summary>Chunks the reads' buffers spilled to their files.</summary>
        public int Spilled { get; private set; }

        /// <summary>
        /// Every item of the file as text: a line's every property, a problem as reported, or what was thrown. The lines
        /// go through a transaction buffer that keeps one 64 KB chunk in memory (the rest spilled to a file, as a month's
        /// file is) and are described as they come back out; a line the buffer changed is reported as such.
        /// </summary>
        public List<string> Read(string path, string spillFolder)
        {
            var options = Activator.CreateInstance(_core.GetType("Autotask.Billing.BillingReadOptions", throwOnError: true)!)!;
            options.GetType().GetProperty("Window")!.SetValue(options, _core.GetType("Autotask.Billing.BillingWindow", throwOnError: true)!.GetProperty("Unbounded")!.GetValue(null));
            var reader = Activator.CreateInstance(_core.GetType("Autotask.Billing.BillingSourceReader", throwOnError: true)!, options)!;
            var bufferType = _core.GetType("Autotask.Billing.Buffering.TransactionBuffer", throwOnError: true)!;
            var buffer = (IDisposable)Activator.CreateInstance(bufferType, BindingFlags.NonPublic | BindingFlags.Instance, null, new object?[] { 1, spillFolder }, CultureInfo.InvariantCulture)!;
            var add = bufferType.GetMethod("Add")!;
            var items = new List<string>();
            var read = new List<(int Item, string Text)>();
            try
            {
                foreach (var item in (IEnumerable)reader.GetType().GetMethod("ReadFile")!.Invoke(reader, new object[] { path, CancellationToken.None })!)
                {
                    var line = item.GetType().GetProperty("Transaction")!.GetValue(item);
                    if (line is null)
                    {
                        items.Add("problem " + item.GetType().GetProperty("Problem")!.GetValue(item));
                        continue;
                    }

                    read.Add((items.Count, Describe(line)));
                    add.Invoke(buffer, new[] { line });
                    items.Add("line " + read[^1].Text);
                }
            }
            catch (Exception exception)
            {
                var thrown = exception is TargetInvocationException { InnerException: { } inner } ? inner : exception;
                items.Add($"thrown {thrown.GetType().FullName}: {thrown.Message}");
            }

            using (buffer)
            {
                Spilled += (int)bufferType.GetProperty("SpilledChunks", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(buffer)!;
                var back = ((IEnumerable)buffer).Cast<object>().Select(Describe).ToList();
                for (var line = 0; line < read.Count; line++)
                {
                    if (back[line] != read[line].Text)
                    {
                        items[read[line].Item] = $"line changed by the buffer: {read[line].Text} came back as {back[line]}";
                    }
                }
            }

            return items;
        }

        protected override Assembly? Load(AssemblyName name)
        {
            if (Framework.Contains(name.Name!))
            {
                return null;
            }

            var own = Path.Combine(_folder, name.Name + ".dll");
            var library = Path.Combine(_libraries, name.Name + ".dll");
            var path = !name.Name!.StartsWith("Autotask.", StringComparison.Ordinal) && File.Exists(library) ? library : own;
            return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }

        private static string Describe(object line) =>
            string.Join("; ", line.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(property => property.GetIndexParameters().Length == 0)
                .OrderBy(property => property.Name, StringComparer.Ordinal)
                .Select(property => property.Name + "=" + Text(property.GetValue(line))));

        private static string Text(object? value) => value switch
        {
            null => "null",
            string text => "'" + text + "'",
            DateTime date => date.ToString("o", CultureInfo.InvariantCulture),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            IEnumerable values => "[" + string.Join(", ", values.Cast<object?>().Select(Text)) + "]",
            _ => value.ToString() ?? string.Empty,
        };
    }
}
