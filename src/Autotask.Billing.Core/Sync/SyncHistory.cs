using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Autotask.Billing.Sync;

/// <summary>
/// Reads the journals in a folder (Get-AtSyncHistory): the runs, newest first, and each run's outcomes. A torn or
/// unreadable line (a crash while writing) is counted and skipped; the rest of the file still counts.
/// </summary>
public static class SyncHistory
{
    /// <summary>The runs journalled in <paramref name="folder"/>, newest first; <paramref name="last"/> limits how many.</summary>
    public static IReadOnlyList<SyncRunRecord> ListRuns(string folder, int? last = null)
    {
        if (folder is null)
        {
            throw new ArgumentNullException(nameof(folder));
        }

        if (!Directory.Exists(folder))
        {
            return Array.Empty<SyncRunRecord>();
        }

        var runs = Directory.EnumerateFiles(folder, SyncJournal.FilePrefix + "*" + SyncJournal.FileExtension)
            .Select(Read)
            .Where(static run => run is not null)
            .Select(static run => run!)
            .OrderByDescending(static run => run.StartedUtc)
            .ThenByDescending(static run => run.RunId, StringComparer.Ordinal);
        return (last is { } count ? runs.Take(Math.Max(0, count)) : runs).ToList();
    }

    /// <summary>One run by its id, or null when the folder holds no journal for it.</summary>
    public static SyncRunRecord? ReadRun(string folder, string runId)
    {
        if (folder is null)
        {
            throw new ArgumentNullException(nameof(folder));
        }

        if (string.IsNullOrWhiteSpace(runId) || runId.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
        {
            return null;
        }

        var path = Path.Combine(folder, SyncJournal.FilePrefix + runId + SyncJournal.FileExtension);
        return File.Exists(path) ? Read(path) : null;
    }

    /// <summary>The run in one journal file; null when it has no readable header (not a journal).</summary>
    public static SyncRunRecord? Read(string path)
    {
        JObject? header = null;
        JObject? summary = null;
        var planned = 0;
        var damaged = 0;
        var results = new List<SyncResult>();
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        using (var reader = new StreamReader(stream))
        {
            string? line;
            while ((line = reader.ReadLine()) is not null)
            {
                if (line.Trim().Length == 0)
                {
                    continue;
                }

                var record = TryParse(line);
                switch ((string?)record?["record"])
                {
                    case "header":
                        header ??= record;
                        break;
                    case "operation":
                        planned++;
                        break;
                    case "result" when header is not null && ToResult((string)header["runId"]!, record!) is { } result:
                        results.Add(result);
                        break;
                    case "summary":
                        summary = record;
                        break;
                    default:
                        damaged++;
                        break;
                }
            }
        }

        if (header is null)
        {
            return null;
        }

        return new SyncRunRecord(
            (string?)header["runId"] ?? string.Empty,
            Date(header["startedUtc"]) ?? DateTime.MinValue,
            Date(summary?["finishedUtc"]),
            (string?)header["apiUser"] ?? string.Empty,
            (string?)header["osUser"] ?? string.Empty,
            (string?)header["machine"] ?? string.Empty,
            (string?)header["moduleVersion"],
            planned,
            results,
            summary is not null,
            (int?)summary?["exitCode"],
            damaged,
            path);
    }

    private static JObject? TryParse(string line)
    {
        try
        {
            return JsonConvert.DeserializeObject<JObject>(line, new JsonSerializerSettings { DateParseHandling = DateParseHandling.None });
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static DateTime? Date(JToken? token) =>
        token is null || token.Type == JTokenType.Null
            ? null
            : DateTime.Parse((string)token!, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal);

    private static SyncResult? ToResult(string runId, JObject record)
    {
        if (!Enum.TryParse<SyncStatus>((string?)record["status"], out var status)
            || !Enum.TryParse<SyncOperationKind>((string?)record["kind"], out var kind))
        {
            return null;
        }

        Enum.TryParse<SyncReasonCode>((string?)record["reasonCode"], out var code);
        return new SyncResult(
            runId,
            (string?)record["operationId"] ?? string.Empty,
            kind,
            status,
            code,
            (string?)record["reason"] ?? string.Empty,
            (string?)record["entity"] ?? string.Empty,
            (long?)record["autotaskId"],
            (string?)record["target"] ?? string.Empty,
            (string?)record["action"] ?? string.Empty,
            (record["differenceIds"] as JArray)?.Select(static id => (string?)id ?? string.Empty).ToList() ?? new List<string>(),
            (string?)record["customerId"],
            (string?)record["customerName"],
            (string?)record["sku"],
            (long?)record["contractId"],
            Date(record["finishedUtc"]) ?? DateTime.MinValue);
    }
}
