using System.Globalization;
using Autotask.Billing.Tabular;

namespace Autotask.Billing.Readers;

/// <summary>Reads any vendor's columns through a <see cref="BillingProfile"/>.</summary>
internal sealed class ProfileReader : BillingFormatReader
{
    private readonly BillingProfile _profile;
    private readonly ColumnSet _columns = new();
    private readonly Dictionary<string, ColumnSpec> _fields = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<ColumnSpec> _idParts = new();
    private readonly Dictionary<BillingProfileCondition, ColumnSpec> _conditionColumns = new();
    private readonly HashSet<string> _includedCategories;

    public ProfileReader(string file, BillingProfile profile)
        : base(file)
    {
        _profile = profile;
        _includedCategories = new HashSet<string>(profile.IncludeCategories, StringComparer.OrdinalIgnoreCase);
        foreach (var field in BillingProfile.MappableFields)
        {
            var headers = profile.ColumnsFor(field);
            if (headers.Count > 0)
            {
                var required = profile.Required.Contains(field, StringComparer.OrdinalIgnoreCase)
                    && !(field == nameof(Transaction.TransactionId) && profile.TransactionIdColumns.Count > 0);
                _fields[field] = _columns.AddExact(field, required, headers);
            }
        }

        foreach (var part in profile.TransactionIdColumns)
        {
            _idParts.Add(_columns.AddExact("TransactionId:" + part, false, new[] { part }));
        }

        var conditions = profile.ChargeTypeRules.Select(r => r.When).Concat(profile.SkipWhen.Select(s => s.When)).ToList();
        if (profile.TrialWhen is not null)
        {
            conditions.Add(profile.TrialWhen);
        }

        foreach (var condition in conditions)
        {
            _conditionColumns[condition] = _columns.AddExact("When:" + condition.Column, false, new[] { condition.Column });
        }
    }

    public override string FormatName => "profile:" + _profile.Name;

    public override ColumnSet Columns => _columns;

    public static bool Recognizes(BillingProfile profile, RecordSchema schema) =>
        profile.DetectColumns.Count > 0 && profile.DetectColumns.All(schema.Contains);

    public override CultureInfo? DeclaredCultureFor(RecordSchema schema) => _profile.DateCulture;

    public override CellFormat CellFormatFor(IRecordSource source, CultureInfo? culture) =>
        new(_profile.DecimalSeparator == "," || source.UsesDecimalComma, _profile.DateFormats, culture);

    /// <summary>Composite id parts count as present when at least one of them is.</summary>
    public IReadOnlyList<string> MissingIdColumns(ColumnBinding binding) =>
        !_fields.ContainsKey(nameof(Transaction.TransactionId)) && _idParts.Count > 0 && !_idParts.Any(binding.Has)
            ? new[] { string.Join(" or ", _profile.TransactionIdColumns) }
            : Array.Empty<string>();

    public override RowResult Map(RecordView row)
    {
        var category = Text(row, nameof(Transaction.Category));
        if (_includedCategories.Count > 0 && (category is null || !_includedCategories.Contains(category)))
        {
            return RowResult.Skip(BillingSkipRule.CategoryNotInProfile);
        }

        foreach (var skip in _profile.SkipWhen)
        {
            if (Holds(row, skip.When))
            {
                return RowResult.Skip(skip.Rule);
            }
        }

        var (chargeType, isProrated, quantityChange) = ChargeTypeOf(row);
        var quantity = Field(nameof(Transaction.Quantity)) is { } quantityColumn
            ? row.RequiredDecimal(quantityColumn)
            : throw new CellException(nameof(Transaction.Quantity), null, BillingProblemReason.MissingValue, "Quantity is not mapped.");
        if (quantity < 0 && chargeType == ChargeType.Recurring)
        {
            throw row.Invalid(
                Field(nameof(Transaction.Quantity))!, BillingProblemReason.NegativeQuantity,
                $"Quantity {quantity} is negative on a Recurring line; seat counts cannot be negative.");
        }

        return RowResult.Emit(new Transaction
        {
            Source = _profile.Source,
            TransactionId = TransactionIdOf(row),
            CustomerId = Required(row, nameof(Transaction.CustomerId)),
            CustomerName = Text(row, nameof(Transaction.CustomerName)) ?? string.Empty,
            CustomerDomain = Text(row, nameof(Transaction.CustomerDomain)),
            CustomerPhone = Text(row, nameof(Transaction.CustomerPhone)),
            CustomerAddress = Text(row, nameof(Transaction.CustomerAddress)),
            CustomerCity = Text(row, nameof(Transaction.CustomerCity)),
            CustomerState = Text(row, nameof(Transaction.CustomerState)),
            CustomerPostalCode = Text(row, nameof(Transaction.CustomerPostalCode)),
            Sku = Required(row, nameof(Transaction.Sku)),
            ProductName = Text(row, nameof(Transaction.ProductName)) ?? string.Empty,
            Description = Text(row, nameof(Transaction.Description)) ?? string.Empty,
            ChargeType = chargeType,
            Category = category ?? string.Empty,
            Quantity = quantity,
            UnitPrice = Decimal(row, nameof(Transaction.UnitPrice)),
            UnitCost = Decimal(row, nameof(Transaction.UnitCost)),
            Amount = Decimal(row, nameof(Transaction.Amount)),
            Currency = row.Share((Text(row, nameof(Transaction.Currency)) ?? _profile.DefaultCurrency
                ?? throw MissingCurrency(row)).ToUpperInvariant()),
            ServiceStart = Field(nameof(Transaction.ServiceStart)) is { } start ? row.Date(start) : null,
            ServiceEnd = Field(nameof(Transaction.ServiceEnd)) is { } end ? row.Date(end) : null,
            OrderDate = Field(nameof(Transaction.OrderDate)) is { } order ? row.Timestamp(order) : null,
            SubscriptionId = Text(row, nameof(Transaction.SubscriptionId)) ?? string.Empty,
            BillingCycle = Text(row, nameof(Transaction.BillingCycle)) ?? string.Empty,
            Term = Text(row, nameof(Transaction.Term)),
            ReferenceId = Text(row, nameof(Transaction.ReferenceId)),
            IsProrated = isProrated || quantityChange != QuantityChange.None || (Field(nameof(Transaction.IsProrated)) is { } prorated && row.Boolean(prorated) == true),
            QuantityChange = quantityChange,
            IsTrial = (Field(nameof(Transaction.IsTrial)) is { } trial && row.Boolean(trial) == true)
                || (_profile.TrialWhen is not null && Holds(row, _profile.TrialWhen)),
            SourceFile = File,
            SourceLine = row.LineNumber,
        });
    }

    private (ChargeType ChargeType, bool IsProrated, QuantityChange QuantityChange) ChargeTypeOf(RecordView row)
    {
        foreach (var rule in _profile.ChargeTypeRules)
        {
            if (Holds(row, rule.When))
            {
                return (rule.ChargeType, rule.IsProrated, rule.QuantityChange);
            }
        }

        if (Field(nameof(Transaction.ChargeType)) is { } column && row.Text(column) is { } text)
        {
            return ChargeTypeText.TryParse(text, out var parsed)
                ? (parsed, false, QuantityChange.None)
                : throw row.Invalid(column, BillingProblemReason.UnknownChargeType, $"{row.Binding.ColumnNameOf(column)} '{text}' is not a known charge type.");
        }

        if (_profile.DefaultChargeType is { } fallback)
        {
            return (fallback, false, QuantityChange.None);
        }

        var first = _profile.ChargeTypeRules.FirstOrDefault()?.When;
        var firstColumn = first is null ? null : _conditionColumns[first];
        throw new CellException(
            first?.Column ?? nameof(Transaction.ChargeType),
            firstColumn is null ? null : row.Text(firstColumn),
            BillingProblemReason.UnknownChargeType,
            "No charge type rule of the profile matches this line.");
    }

    private bool Holds(RecordView row, BillingProfileCondition condition)
    {
        var column = _conditionColumns[condition];
        var text = row.Text(column);
        if (condition.NotEmpty)
        {
            return text is not null;
        }

        if (condition.Negative)
        {
            return row.Decimal(column) < 0;
        }

        return text is not null && condition.AnyOf!.Any(word => string.Equals(word.Trim(), text, StringComparison.OrdinalIgnoreCase));
    }

    private string TransactionIdOf(RecordView row)
    {
        // A line's own id, not shared: unique per line, it would only churn the reader's string pool.
        if (Field(nameof(Transaction.TransactionId)) is { } idColumn && row.RawText(idColumn) is { } id)
        {
            return id;
        }

        var parts = _idParts.Select(row.Text).ToList();
        if (parts.All(p => p is null))
        {
            throw new CellException(
                string.Join("+", _profile.TransactionIdColumns.DefaultIfEmpty(nameof(Transaction.TransactionId))), null,
                BillingProblemReason.MissingValue, "The transaction id is empty.");
        }

        return string.Join("|", parts.Select(p => p ?? string.Empty));
    }

    /// <summary>Names the file's own currency column when the profile maps one, so the admin finds it in the file.</summary>
    private CellException MissingCurrency(RecordView row)
    {
        var column = Field(nameof(Transaction.Currency)) is { } spec && row.Binding.Has(spec) ? row.Binding.ColumnNameOf(spec) : null;
        return column is null
            ? new CellException(nameof(Transaction.Currency), null, BillingProblemReason.MissingValue, "The file has no currency column and the profile has no defaultCurrency.")
            : new CellException(column, null, BillingProblemReason.MissingValue, $"{column} is empty and the profile has no defaultCurrency.");
    }

    private ColumnSpec? Field(string field) => _fields.TryGetValue(field, out var spec) ? spec : null;

    private string? Text(RecordView row, string field) => Field(field) is { } spec ? row.Text(spec) : null;

    private decimal? Decimal(RecordView row, string field) => Field(field) is { } spec ? row.Decimal(spec) : null;

    private string Required(RecordView row, string field) =>
        Field(field) is { } spec
            ? row.RequiredText(spec)
            : throw new CellException(field, null, BillingProblemReason.MissingValue, $"{field} is not mapped by the profile.");
}
