namespace Autotask.Billing.Buffering;

/// <summary>
/// The texts of a <see cref="TransactionBuffer"/>, each stored once and named by its number in the records: names,
/// SKUs, currencies and files repeat line after line, so a held line costs a few bytes per text instead of a reference
/// (and a copy) each.
/// </summary>
internal sealed class StringTable
{
    private Dictionary<string, int> _numbers = new(StringComparer.Ordinal);
    private List<string> _texts = new();

    public int Number(string text)
    {
        if (!_numbers.TryGetValue(text, out var number))
        {
            number = _texts.Count;
            _numbers.Add(text, number);
            _texts.Add(text);
        }

        return number;
    }

    public string Text(int number) => _texts[number];

    public void Clear()
    {
        // New instances, so the memory of a large file is released (netstandard2.0 has no Dictionary.TrimExcess).
        _numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        _texts = new List<string>();
    }
}
