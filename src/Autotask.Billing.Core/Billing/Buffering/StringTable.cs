namespace Autotask.Billing.Buffering;

/// <summary>
/// The texts of a <see cref="TransactionBuffer"/>, each stored once and named by its number in the records: names,
/// SKUs, currencies and files repeat line after line, so a held line costs a few bytes per text instead of a reference
/// (and a copy) each. A text read back is the instance stored, never a copy.
/// </summary>
internal sealed class StringTable
{
    /// <summary>How many callers' slots <see cref="Number(string, int)"/> remembers a last text for.</summary>
    public const int Slots = 32;

    // The last text and number per slot: the readers hand out one shared instance for a repeated value, and a field
    // usually repeats the line before's, so most texts are found by reference without hashing their chars.
    private readonly string?[] _lastTexts = new string?[Slots];
    private readonly int[] _lastNumbers = new int[Slots];
    private Dictionary<string, int> _numbers = new(StringComparer.Ordinal);
    private string[] _texts = new string[16];
    private int _count;

    public int Number(string text)
    {
        if (!_numbers.TryGetValue(text, out var number))
        {
            number = _count;
            if (number == _texts.Length)
            {
                Array.Resize(ref _texts, number * 2);
            }

            _texts[number] = text;
            _count++;
            _numbers.Add(text, number);
        }

        return number;
    }

    /// <summary>As <see cref="Number(string)"/>, remembering the text last numbered in <paramref name="slot"/> (one slot per field) by reference.</summary>
    public int Number(string text, int slot)
    {
        if (ReferenceEquals(_lastTexts[slot], text))
        {
            return _lastNumbers[slot];
        }

        var number = Number(text);
        _lastTexts[slot] = text;
        _lastNumbers[slot] = number;
        return number;
    }

    public string Text(int number) => (uint)number < (uint)_count ? _texts[number] : throw new ArgumentOutOfRangeException(nameof(number));

    public void Clear()
    {
        // New instances, so the memory of a large file is released (netstandard2.0 has no Dictionary.TrimExcess).
        _numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        _texts = new string[16];
        _count = 0;
        Array.Clear(_lastTexts, 0, Slots);
    }
}
