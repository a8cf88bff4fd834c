namespace Autotask.Billing.Mapping;

/// <summary>
/// Reads one row as <c>Import-Csv</c> gives it (every value text, empty for none), collecting a problem naming the
/// row and column for every value that cannot be read.
/// </summary>
internal sealed class CsvRowReader
{
    private readonly Dictionary<string, string?> values;
    private readonly int rowNumber;
    private readonly ICollection<MappingProblem> problems;

    public CsvRowReader(IReadOnlyDictionary<string, string?> row, int rowNumber, ICollection<MappingProblem> problems)
    {
        values = (row ?? throw new ArgumentNullException(nameof(row)))
            .GroupBy(pair => pair.Key.Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(group => group.Key, group => group.First().Value, StringComparer.OrdinalIgnoreCase);
        this.rowNumber = rowNumber;
        this.problems = problems;
    }

    public MappingProblem ProblemAt(string column, string message) => new($"row {rowNumber}, column {column}", message);

    public bool Has(string column) => Raw(column) is not null;

    public string? Text(string column, bool required = false)
    {
        var text = Raw(column);
        if (text is null && required)
        {
            problems.Add(ProblemAt(column, values.ContainsKey(column) ? "is required" : "is missing; the CSV needs this column"));
        }

        return text;
    }

    public long? Id(string column) =>
        Read<long>(column, (string text, out long id, out string? problem) => MappingText.TryParseId(text, out id, out problem));

    public bool Bool(string column, bool defaultValue) =>
        Read<bool>(column, MappingText.TryParseBool) ?? defaultValue;

    public DateTime? Date(string column) =>
        Read<DateTime>(column, (string text, out DateTime date, out string? problem) =>
            MappingText.TryParseDate(text, acceptExportCsvForms: true, out date, out problem));

    public TEnum? Enum<TEnum>(string column, string what)
        where TEnum : struct, Enum =>
        Read<TEnum>(column, (string text, out TEnum value, out string? problem) =>
            MappingText.TryParseEnum(text, what, out value, out problem));

    private delegate bool Parser<T>(string text, out T value, out string? problem);

    private T? Read<T>(string column, Parser<T> parse)
        where T : struct
    {
        var text = Raw(column);
        if (text is null)
        {
            return null;
        }

        if (parse(text, out var value, out var problem))
        {
            return value;
        }

        problems.Add(ProblemAt(column, problem!));
        return null;
    }

    private string? Raw(string column) =>
        values.TryGetValue(column, out var text) ? MappingText.OptionalText(text) : null;
}
