using System.Diagnostics;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Autotask.Billing.Mapping;

/// <summary>
/// Who holds a store's lock, written beside the lock file: the lock file itself is opened without sharing and so
/// cannot be read by the run that is refused.
/// </summary>
internal sealed class MappingStoreLockOwner
{
    public MappingStoreLockOwner(int processId, string processName, string machineName, DateTime sinceUtc)
    {
        ProcessId = processId;
        ProcessName = processName;
        MachineName = machineName;
        SinceUtc = sinceUtc;
    }

    public int ProcessId { get; }

    public string ProcessName { get; }

    public string MachineName { get; }

    public DateTime SinceUtc { get; }

    public static MappingStoreLockOwner Current()
    {
        using var process = Process.GetCurrentProcess();
        return new MappingStoreLockOwner(process.Id, process.ProcessName, Environment.MachineName, DateTime.UtcNow);
    }

    /// <summary>The recorded owner, or null when there is no readable record (it is advisory, never required).</summary>
    public static MappingStoreLockOwner? TryRead(string ownerPath)
    {
        try
        {
            using var reader = new JsonTextReader(new StringReader(File.ReadAllText(ownerPath)))
            {
                DateParseHandling = DateParseHandling.None,
            };
            var json = JObject.Load(reader);
            return new MappingStoreLockOwner(
                json.Value<int>("processId"),
                json.Value<string>("processName") ?? "unknown",
                json.Value<string>("machineName") ?? "unknown",
                MappingText.TryParseTimestamp(json.Value<string>("sinceUtc") ?? string.Empty, out var since, out _) ? since : DateTime.MinValue);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or FormatException or InvalidCastException)
        {
            return null;
        }
    }

    public void Write(string ownerPath)
    {
        var json = new JObject
        {
            ["processId"] = ProcessId,
            ["processName"] = ProcessName,
            ["machineName"] = MachineName,
            ["sinceUtc"] = MappingText.FormatTimestamp(SinceUtc),
        };
        File.WriteAllText(ownerPath, json.ToString(Formatting.None));
    }

    /// <summary>Whether the owner still runs; null when that cannot be known from this machine.</summary>
    public bool? IsRunning()
    {
        if (!string.Equals(MachineName, Environment.MachineName, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            using var process = Process.GetProcessById(ProcessId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
