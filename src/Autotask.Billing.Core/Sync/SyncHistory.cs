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
            .Select(TryRead)
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

    /// <summary>A journal that cannot be opened at all (locked, deleted meanwhile) is left out, not fatal to the others.</summary>
    private static SyncRunRecord? TryRead(string path)
    {
        try
        {
            return Read(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The run in one journal file; null when it has no readable header (not a journal).</summary>
    public static SyncRunRecord? Read(string path)
    {
        JObject? header = null;
        JObject? summary = null;
        var planned = 0;
        var damaged = new List<int>();
        var lineNumber = 0;
        var results = new List<SyncResult>();
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        using (var reader = new StreamReader(stream))
        {
            string? line;
            while ((line = reader.ReadLine()) is not null)
            {
                lineNumber++;
                if (line.Trim().Length == 0)
                {
                    continue;
                }

                try
                {
                    var record = TryParse(line);
                    switch ((string?)record?["record"])
                    {
                        case "header" when header is null && Readable(record!):
                            header = record;
                            break;
                        case "operation":
                            planned++;
                            break;
                        case "result" when header is not null && ToResult((string)header["runId"]!, record!) is { } result:
                            results.Add(result);
                            break;
                        case "summary" when Readable(record!):
                            summary = record;
                            break;
                        default:
                            damaged.Add(lineNumber);
                            break;
                    }
                }
                catch (Exception exception) when (exception is FormatException or InvalidCastException or OverflowException or ArgumentException)
                {
                    // A hand-edited value (a date or number that does not parse): this line only is skipped.
                    damaged.Add(lineNumber);
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
            damaged.Count,
            path,
            damaged);
    }

    /// <summary>A header or summary line is used only when the values read from it parse.</summary>
    private static bool Readable(JObject record)
    {
        _ = Date(record["startedUtc"]);
        _ = Date(record["finishedUtc"]);
        _ = (int?)record["exitCode"];
        _ = (string?)record["runId"];
        return true;
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
