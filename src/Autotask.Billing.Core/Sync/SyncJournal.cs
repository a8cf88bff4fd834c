using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Autotask.Billing.Sync;

/// <summary>
/// The run's journal: one JSON-lines file per run (sync-&lt;run id&gt;.jsonl) holding a header (run id, start, who,
/// where), the plan (one line per operation, with whether it was approved), each operation's outcome as it happens,
/// and a closing summary. Every line is flushed when written, so a crash loses at most the line being written.
/// It holds no secrets: the client never exposes the API secret or integration code, and none is written here.
/// </summary>
internal sealed class SyncJournal : IDisposable
{
    internal const string FilePrefix = "sync-";
    internal const string FileExtension = ".jsonl";

    private readonly object _sync = new();
    private readonly StreamWriter _writer;

    private SyncJournal(string path, StreamWriter writer)
    {
        Path = path;
        _writer = writer;
    }

    public string Path { get; }

    public static SyncJournal Create(string folder, string runId)
    {
        Mapping.StateFolder.Ensure(folder);
        var path = System.IO.Path.Combine(folder, FilePrefix + runId + FileExtension);
        var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
        return new SyncJournal(path, new StreamWriter(stream, new UTF8Encoding(false)));
    }

    public void WriteHeader(string runId, DateTime startedUtc, string apiUser, string osUser, string? moduleVersion, bool force, int operations) =>
        Write(new JObject
        {
            ["record"] = "header",
            ["runId"] = runId,
            ["startedUtc"] = startedUtc,
            ["apiUser"] = apiUser,
            ["osUser"] = osUser,
            ["machine"] = Environment.MachineName,
            ["moduleVersion"] = moduleVersion,
            ["force"] = force,
            ["operations"] = operations,
        });

    public void WriteOperation(SyncOperation operation, bool approved) =>
        Write(new JObject
        {
            ["record"] = "operation",
            ["operationId"] = operation.OperationId,
            ["kind"] = operation.Kind.ToString(),
            ["entity"] = operation.Entity,
            ["target"] = operation.Target,
            ["action"] = operation.Action,
            ["impact"] = operation.Impact.ToString(),
            ["requiresForce"] = operation.RequiresForce,
            ["forceReason"] = operation.ForceReason,
            ["problem"] = operation.Problem,
            ["dependsOn"] = new JArray(operation.DependsOn),
            ["differenceIds"] = new JArray(operation.DifferenceIds),
            ["customerId"] = operation.CustomerId,
            ["customerName"] = operation.CustomerName,
            ["sku"] = operation.Sku,
            ["contractId"] = operation.ContractId,
            ["approved"] = approved,
        });

    public void WriteResult(SyncResult result) =>
        Write(new JObject
        {
            ["record"] = "result",
            ["operationId"] = result.OperationId,
            ["kind"] = result.OperationKind.ToString(),
            ["status"] = result.Status.ToString(),
            ["reasonCode"] = result.ReasonCode.ToString(),
            ["reason"] = result.Reason,
            ["entity"] = result.Entity,
            ["autotaskId"] = result.AutotaskId,
            ["target"] = result.Target,
            ["action"] = result.Action,
            ["differenceIds"] = new JArray(result.DifferenceIds),
            ["customerId"] = result.CustomerId,
            ["customerName"] = result.CustomerName,
            ["sku"] = result.Sku,
            ["contractId"] = result.ContractId,
            ["finishedUtc"] = result.FinishedUtc,
        });

    public void WriteSummary(SyncRunSummary summary) =>
        Write(new JObject
        {
            ["record"] = "summary",
            ["runId"] = summary.RunId,
            ["finishedUtc"] = summary.FinishedUtc,
            ["applied"] = summary.Applied,
            ["skipped"] = summary.Skipped,
            ["failed"] = summary.Failed,
            ["notRun"] = summary.NotRun,
            ["notApplied"] = summary.NotApplied,
            ["needsAttention"] = summary.NeedsAttention,
            ["requestsUsed"] = summary.RequestsUsed,
            ["budgetExhausted"] = summary.BudgetExhausted,
            ["cancelled"] = summary.Cancelled,
            ["exitCode"] = summary.ExitCode,
        });

    public void Dispose()
    {
        lock (_sync)
        {
            _writer.Dispose();
        }
    }

    private void Write(JObject record)
    {
        var line = record.ToString(Formatting.None);
        lock (_sync)
        {
            _writer.Write(line);
            _writer.Write('\n');
            _writer.Flush();
        }
    }
}
