using System.Globalization;
using Autotask.Billing.Readers;
using Autotask.Billing.Tabular;

namespace Autotask.Billing;

/// <summary>
/// Reads vendor billing files (and pipeline objects) into <see cref="Transaction"/>s, one record at a time.
/// Every record ends up counted: emitted, skipped by a named rule, aggregated, or rejected with a
/// <see cref="BillingLineProblem"/>. Transaction ids are checked for duplicates per source across everything one
/// instance reads. A file that cannot be read at all throws a <see cref="BillingFormatException"/> when its
/// enumeration starts; read files one by one with <see cref="ReadFile"/> to go on with the next file.
/// </summary>
public sealed class BillingSourceReader
{
    /// <summary>The file name given to problems and summaries of pipeline objects.</summary>
    public const string PipelineFile = "<pipeline>";

    private static readonly ColumnSet LegacyMarkers = new ColumnSet()
        .Ignore("SyndicationPartnerSubscriptionNumber", "DurableOfferId", "ConsumedQuantity", "OverageQuantity");

    private readonly BillingReadOptions _options;
    private readonly BillingWindow _window;
    // Fingerprints, not the id strings: a few bytes per line read, whatever the ids' length (issue 15).
    private readonly Dictionary<string, TransactionIdSet> _idsBySource = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<BillingReadSummaryBuilder> _summaries = new();

    // One pool for everything this instance reads: the lines of every file share their repeated names.
    private readonly StringPool _strings = new();
    private readonly HashSet<string>? _categories;
    private readonly HashSet<string>? _customers;
    private readonly HashSet<string>? _skus;
    private readonly HashSet<string>? _excludedSkus;
    private BillingReadSummaryBuilder? _pipeline;
    private GenericCsvReader? _pipelineReader;

    public BillingSourceReader(BillingReadOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        if (options.Format == BillingSourceFormat.Profile && options.Profile is null)
        {
            throw new ArgumentException("Format Profile needs a Profile.", nameof(options));
        }

        _window = options.EffectiveWindow;
        _categories = ToSet(options.Categories);
        _customers = ToSet(options.CustomerIds);
        _skus = ToSet(options.Skus);
        _excludedSkus = ToSet(options.ExcludedSkus);
    }

    public BillingWindow Window => _window;

    /// <summary>One summary per file read so far (the file being read included), plus the pipeline's if used.</summary>
    public IReadOnlyList<BillingReadSummary> Summaries => _summaries.Select(s => s.Build()).ToList();

    /// <summary>All summaries added up.</summary>
    public BillingReadSummary Total => BillingReadSummary.Combine(Summaries);

    /// <summary>Reads the files in order; stops at the first file that cannot be read at all.</summary>
    public IEnumerable<BillingReadItem> Read(IEnumerable<string> paths, CancellationToken cancellationToken)
    {
        foreach (var path in paths)
        {
            foreach (var item in ReadFile(path, cancellationToken))
            {
                yield return item;
            }
        }
    }

    /// <summary>
    /// Streams one file: CSV (any supported encoding and delimiter, gzip too) or JSON line items. A file without
    /// billing lines (only a header, or nothing at all) yields nothing, and its summary reads 0 lines.
    /// </summary>
    public IEnumerable<BillingReadItem> ReadFile(string path, CancellationToken cancellationToken)
    {
        var summary = new BillingReadSummaryBuilder(path);
        _summaries.Add(summary);
        var text = SourceText.Sniff(path);
        using IRecordSource source = text.LooksLikeJson
            ? new JsonRecordSource(text, _options.Profile?.JsonArrayProperty)
            : new CsvRecordSource(text);

        Prepared? prepared = null;
        if (source.HasHeader)
        {
            if (source.Schema.Count == 0)
            {
                // Nothing but blank lines, or nothing at all: a file without billing lines, as a header-only one is.
                yield break;
            }

            prepared = Prepare(path, source, summary);
        }

        foreach (var record in source.Records(cancellationToken))
        {
            summary.Read++;
            if (source.IsRepeatedHeader(record))
            {
                summary.Skip(BillingSkipRule.RepeatedHeader);
                continue;
            }

            if (record.Defect is { } defect)
            {
                summary.Rejected++;
                var columnName = defect.ColumnNumber <= source.Schema.Count ? source.Schema.Names[defect.ColumnNumber - 1] : null;
                yield return BillingReadItem.Of(new BillingLineProblem(path, record.LineNumber, columnName, null, defect.Reason, defect.Message)
                {
                    ColumnNumber = defect.ColumnNumber,
                    CustomerId = prepared is null ? null : CustomerOf(prepared, record),
                });
                continue;
            }

            if (prepared is null)
            {
                prepared = Prepare(path, source, summary);
            }
            else if (prepared.Binding.SchemaCount != source.Schema.Count)
            {
                prepared.Rebind(source.Schema);
                summary.AddUnknownColumns(prepared.Binding.UnknownColumns);
            }

            if (IsBlank(record))
            {
                summary.Skip(BillingSkipRule.BlankRecord);
                continue;
            }

            var item = Process(prepared.Reader, new RecordView(record, prepared.Binding, prepared.CellFormat, _strings), path, summary, prepared);
            if (item is not null)
            {
                yield return item;
            }
        }

        if (prepared is not null)
        {
            foreach (var transaction in prepared.Reader.Complete())
            {
                var item = Accept(transaction, summary);
                if (item is not null)
                {
                    yield return item;
                }
            }
        }
    }

    /// <summary>
    /// Binds one pipeline object (property name → value, names as in Transaction or the generic aliases) with the
    /// generic format's validation and the same filters; returns null when a rule skipped it. Its problems name
    /// the file "&lt;pipeline&gt;" and the 1-based input index as the line.
    /// </summary>
    public BillingReadItem? ReadObject(IReadOnlyDictionary<string, object?> properties)
    {
        if (properties is null)
        {
            throw new ArgumentNullException(nameof(properties));
        }

        if (_pipeline is null)
        {
            _pipeline = new BillingReadSummaryBuilder(PipelineFile) { Format = GenericCsvReader.Name };
            _summaries.Add(_pipeline);
            _pipelineReader = new GenericCsvReader(PipelineFile, _options);
        }

        _pipeline.Read++;
        var index = _pipeline.Read;
        var schema = new RecordSchema();
        var values = new List<string?>();
        foreach (var property in properties)
        {
            var position = schema.Add(property.Key);
            if (position == values.Count)
            {
                values.Add(ToInvariantText(property.Value));
            }
        }

        var binding = ColumnBinding.Bind(_pipelineReader!.Columns, schema);
        _pipeline.AddUnknownColumns(binding.UnknownColumns);
        if (binding.MissingRequired.Count > 0)
        {
            _pipeline.Rejected++;
            return BillingReadItem.Of(new BillingLineProblem(
                PipelineFile, index, binding.MissingRequired[0], null, BillingProblemReason.MissingValue,
                $"The object has no {string.Join(", ", binding.MissingRequired)} property; it has: {string.Join(", ", schema.Names)}."));
        }

        var record = new SourceRecord(schema, values.ToArray(), index);
        return Process(_pipelineReader, new RecordView(record, binding, CellFormat.Session, _strings), PipelineFile, _pipeline);
    }

    /// <summary>Reads pipeline objects in order (see <see cref="ReadObject"/>).</summary>
    public IEnumerable<BillingReadItem> ReadObjects(IEnumerable<IReadOnlyDictionary<string, object?>> objects, CancellationToken cancellationToken)
    {
        foreach (var properties in objects)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var item = ReadObject(properties);
            if (item is not null)
            {
                yield return item;
            }
        }
    }

    private static bool IsBlank(SourceRecord record)
    {
        for (var i = 0; i < record.FieldCount; i++)
        {
            if (!string.IsNullOrWhiteSpace(record[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static HashSet<string>? ToSet(IReadOnlyCollection<string>? values) =>
        values is null || values.Count == 0 ? null : new HashSet<string>(values.Select(v => v.Trim()), StringComparer.OrdinalIgnoreCase);

    private static string? ToInvariantText(object? value) => value switch
    {
        null => null,
        string text => text,
        DateTime dateTime => dateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        DateTimeOffset instant => instant.ToString("o", CultureInfo.InvariantCulture),
        Enum enumValue => enumValue.ToString(),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static bool IsZeroAmount(Transaction transaction) =>
        transaction.Amount.HasValue
            ? transaction.Amount.Value == 0m
            : (transaction.UnitPrice ?? 0m) == 0m && (transaction.UnitCost ?? 0m) == 0m;

    private Prepared Prepare(string path, IRecordSource source, BillingReadSummaryBuilder summary)
    {
        if (source.Schema.Count == 0)
        {
            throw new BillingFormatException(path, "The file has no header line.");
        }

        var reader = CreateReader(path, source.Schema);
        var prepared = new Prepared(reader, ColumnBinding.Bind(reader.Columns, source.Schema), reader.CellFormatFor(source, _options.Culture ?? reader.DeclaredCultureFor(source.Schema)));
        var missing = prepared.Binding.MissingRequired
            .Concat(reader is ProfileReader profileReader ? profileReader.MissingIdColumns(prepared.Binding) : Array.Empty<string>())
            .ToList();
        if (missing.Count > 0)
        {
            throw new MissingBillingColumnsException(path, reader.FormatName, missing, source.Schema.Names.ToList());
        }

        summary.Format = reader.FormatName;
        summary.AddUnknownColumns(prepared.Binding.UnknownColumns);
        summary.TrackWarnings(reader.Warnings);
        return prepared;
    }

    private BillingFormatReader CreateReader(string path, RecordSchema schema)
    {
        switch (_options.Format)
        {
            case BillingSourceFormat.Generic:
                return new GenericCsvReader(path, _options);
            case BillingSourceFormat.PartnerCenter:
                return new PartnerCenterReader(path);
            case BillingSourceFormat.PartnerCenterDailyUsage:
                return new DailyRatedUsageReader(path);
            case BillingSourceFormat.Profile:
                return new ProfileReader(path, _options.Profile!);
        }

        if (DailyRatedUsageReader.Recognizes(schema))
        {
            return new DailyRatedUsageReader(path);
        }

        if (PartnerCenterReader.Recognizes(schema))
        {
            return new PartnerCenterReader(path);
        }

        if (schema.Names.Any(LegacyMarkers.IsIgnored))
        {
            throw new BillingFormatException(
                path, "This is a legacy (pre-NCE) Partner Center reconciliation file, which is not supported; use the NCE invoice reconciliation file or a profile.");
        }

        var profile = new[] { _options.Profile }.Concat(BillingProfile.AllEmbedded)
            .FirstOrDefault(p => p is not null && ProfileReader.Recognizes(p, schema));
        if (profile is not null)
        {
            return new ProfileReader(path, profile);
        }

        if (GenericCsvReader.Recognizes(schema))
        {
            return new GenericCsvReader(path, _options);
        }

        throw new BillingFormatException(
            path, $"Cannot tell the billing format from the columns: {string.Join(", ", schema.Names)}. Give -Format or a profile.");
    }

    private BillingReadItem? Process(BillingFormatReader reader, RecordView row, string path, BillingReadSummaryBuilder summary, Prepared? prepared = null)
    {
        RowResult result;
        try
        {
            result = reader.Map(row);
        }
        catch (CellException ex)
        {
            summary.Rejected++;
            var position = ex.Column is null ? -1 : row.Record.Schema.IndexOf(ex.Column);
            return BillingReadItem.Of(new BillingLineProblem(path, row.LineNumber, ex.Column, ex.Value, ex.Reason, ex.Message)
            {
                ColumnNumber = position >= 0 ? position + 1 : null,
                CustomerId = prepared is null ? null : CustomerOf(prepared, row.Record),
            });
        }

        if (result.SkipRule is not null)
        {
            summary.Skip(result.SkipRule);
            return null;
        }

        if (result.Aggregated)
        {
            summary.Aggregated++;
            return null;
        }

        return Accept(result.Transaction!, summary);
    }

    private BillingReadItem? Accept(Transaction transaction, BillingReadSummaryBuilder summary)
    {
        if (!_idsBySource.TryGetValue(transaction.Source, out var ids))
        {
            ids = new TransactionIdSet();
            _idsBySource.Add(transaction.Source, ids);
        }

        if (!ids.Add(transaction.TransactionId))
        {
            summary.Rejected++;
            return BillingReadItem.Of(new BillingLineProblem(
                transaction.SourceFile, transaction.SourceLine, nameof(Transaction.TransactionId), transaction.TransactionId,
                BillingProblemReason.DuplicateTransactionId,
                $"Transaction id '{transaction.TransactionId}' of source {transaction.Source} was already read.")
            {
                // Its customer is known, so -AcceptPartialFile can hold that customer back instead of refusing the file.
                CustomerId = transaction.CustomerId,
            });
        }

        var rule = SkipRuleFor(transaction);
        if (rule is not null)
        {
            summary.Skip(rule);
            return null;
        }

        summary.Emitted++;
        return BillingReadItem.Of(transaction);
    }

    private string? SkipRuleFor(Transaction transaction)
    {
        if (_excludedSkus?.Contains(transaction.Sku) == true)
        {
            return BillingSkipRule.ExcludedSku;
        }

        var orderDay = transaction.OrderDate.HasValue ? BillingWindow.AsDate(transaction.OrderDate.Value) : (DateTime?)null;
        if (!_window.Contains(transaction.ServiceStart ?? orderDay, transaction.ServiceEnd ?? orderDay))
        {
            return BillingSkipRule.OutsideWindow;
        }

        if (_categories?.Contains(transaction.Category) == false)
        {
            return BillingSkipRule.CategoryFilter;
        }

        if (_options.ChargeTypes is { Count: > 0 } chargeTypes && !chargeTypes.Contains(transaction.ChargeType))
        {
            return BillingSkipRule.ChargeTypeFilter;
        }

        if (_customers?.Contains(transaction.CustomerId) == false)
        {
            return BillingSkipRule.CustomerFilter;
        }

        if (_skus?.Contains(transaction.Sku) == false)
        {
            return BillingSkipRule.SkuFilter;
        }

        return _options.DropZeroAmount && IsZeroAmount(transaction) ? BillingSkipRule.ZeroAmount : null;
    }

    /// <summary>The customer a rejected record names, read without validation; null when it cannot be told.</summary>
    private static string? CustomerOf(Prepared prepared, SourceRecord record)
    {
        var spec = prepared.Reader.Columns.Specs.FirstOrDefault(static s => s.Field == nameof(Transaction.CustomerId));
        if (spec is null || record.Defect is { Reason: not BillingProblemReason.TruncatedLine })
        {
            // Fields that do not line up with the header cannot be trusted to name the customer.
            return null;
        }

        return new RecordView(record, prepared.Binding, prepared.CellFormat).Text(spec);
    }

    private sealed class Prepared
    {
        public Prepared(BillingFormatReader reader, ColumnBinding binding, CellFormat cellFormat)
        {
            Reader = reader;
            Binding = binding;
            CellFormat = cellFormat;
        }

        public BillingFormatReader Reader { get; }

        public ColumnBinding Binding { get; private set; }

        public CellFormat CellFormat { get; }

        public void Rebind(RecordSchema schema) => Binding = ColumnBinding.Bind(Reader.Columns, schema);
    }
}
