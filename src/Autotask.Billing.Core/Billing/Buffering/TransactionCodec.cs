using System.Runtime.InteropServices;

namespace Autotask.Billing.Buffering;

/// <summary>
/// One <see cref="Transaction"/> as a record of a few dozen bytes, and back, exactly: every property reads the same
/// after the round trip (a decimal keeps its scale and sign, a date its kind, an absent value stays absent). Texts
/// are numbers in the buffer's <see cref="StringTable"/>, except the ids that are often unique per line (transaction,
/// subscription and reference ids), which are written inline when ASCII: a table entry costs more than the text. The record layout is private to this class and lives only as long as the process.
/// </summary>
internal static class TransactionCodec
{
    private const ulong InlineTag = 0;
    private const ulong TableTag = 1;
    private const ulong PackedTag = 2;
    private const ulong PackedUpperTag = 3;

    // A record's first number: the optional values the line has (Transaction.Field, their one owner) in the low 16 bits,
    // and above them its yes/no flags (set on few lines, so the number is still two bytes on most).
    private const int FlagShift = 16;
    private const ulong IsProrated = 1UL << FlagShift;
    private const ulong IsReversal = 1UL << (FlagShift + 1);
    private const ulong IsTrial = 1UL << (FlagShift + 2);
    private const ulong IsUnbilled = 1UL << (FlagShift + 3);

    public static void Write(CompactWriter writer, StringTable strings, Transaction line)
    {
        var present = (ulong)line.Present
            | (line.IsProrated ? IsProrated : 0)
            | (line.IsReversal ? IsReversal : 0)
            | (line.IsTrial ? IsTrial : 0)
            | (line.IsUnbilled ? IsUnbilled : 0);
        writer.WriteVarint(present);
        writer.WriteVarint((ulong)line.ChargeType);
        writer.WriteVarint((ulong)line.QuantityChange);
        if (line.ExplicitKind is ChargeKind kind)
        {
            writer.WriteVarint((ulong)kind);
        }

        // The ids first: a summary's subscription ids are read back alone (ReadSubscriptionId).
        WriteId(writer, strings, line.TransactionId);
        WriteId(writer, strings, line.SubscriptionId);
        WriteText(writer, strings, line.Source, 0);
        WriteText(writer, strings, line.CustomerId, 1);
        WriteText(writer, strings, line.CustomerName, 2);
        WriteText(writer, strings, line.CustomerDomain, 3);
        WriteText(writer, strings, line.CustomerPhone, 4);
        WriteText(writer, strings, line.CustomerAddress, 5);
        WriteText(writer, strings, line.CustomerCity, 6);
        WriteText(writer, strings, line.CustomerState, 7);
        WriteText(writer, strings, line.CustomerPostalCode, 8);
        WriteText(writer, strings, line.Sku, 9);
        WriteText(writer, strings, line.ProductName, 10);
        WriteText(writer, strings, line.Description, 11);
        WriteText(writer, strings, line.Category, 12);
        WriteText(writer, strings, line.Currency, 13);
        WriteText(writer, strings, line.PricingCurrency, 14);
        WriteText(writer, strings, line.BillingCycle, 15);
        WriteText(writer, strings, line.Term, 16);
        WriteId(writer, strings, line.ReferenceId);
        WriteText(writer, strings, line.SourceFile, 17);
        writer.WriteVarint((uint)line.SourceLine);
        WriteDecimal(writer, line.Quantity);
        WriteDecimal(writer, line.UnitPrice);
        WriteDecimal(writer, line.UnitCost);
        WriteDecimal(writer, line.ListUnitPrice);
        WriteDecimal(writer, line.Amount);
        WriteDecimal(writer, line.ExchangeRate);
        WriteDate(writer, line.ServiceStart);
        WriteDate(writer, line.ServiceEnd);
        WriteDate(writer, line.OrderDate);
        WriteDate(writer, line.SubscriptionStart);
    }

    public static Transaction Read(ref CompactReader reader, StringTable strings)
    {
        var present = reader.ReadVarint();
        var fields = (Transaction.Field)(present & 0xFFFF);
        var chargeType = (ChargeType)reader.ReadVarint();
        var quantityChange = (QuantityChange)reader.ReadVarint();
        ChargeKind? kind = Has(fields, Transaction.Field.Kind) ? (ChargeKind)reader.ReadVarint() : null;

        // Object initialisers evaluate in the order written, the order Write wrote them in.
        return new Transaction
        {
            ChargeType = chargeType,
            ExplicitKind = kind,
            QuantityChange = quantityChange,
            IsProrated = (present & IsProrated) != 0,
            IsReversal = (present & IsReversal) != 0,
            IsTrial = (present & IsTrial) != 0,
            IsUnbilled = (present & IsUnbilled) != 0,
            TransactionId = ReadId(ref reader, strings),
            SubscriptionId = ReadId(ref reader, strings),
            Source = ReadText(ref reader, strings)!,
            CustomerId = ReadText(ref reader, strings)!,
            CustomerName = ReadText(ref reader, strings)!,
            CustomerDomain = ReadText(ref reader, strings),
            CustomerPhone = ReadText(ref reader, strings),
            CustomerAddress = ReadText(ref reader, strings),
            CustomerCity = ReadText(ref reader, strings),
            CustomerState = ReadText(ref reader, strings),
            CustomerPostalCode = ReadText(ref reader, strings),
            Sku = ReadText(ref reader, strings)!,
            ProductName = ReadText(ref reader, strings)!,
            Description = ReadText(ref reader, strings)!,
            Category = ReadText(ref reader, strings)!,
            Currency = ReadText(ref reader, strings)!,
            PricingCurrency = ReadText(ref reader, strings),
            BillingCycle = ReadText(ref reader, strings)!,
            Term = ReadText(ref reader, strings),
            ReferenceId = ReadId(ref reader, strings),
            SourceFile = ReadText(ref reader, strings)!,
            SourceLine = (int)(uint)reader.ReadVarint(),
            Quantity = ReadDecimal(ref reader),
            UnitPrice = Has(fields, Transaction.Field.UnitPrice) ? ReadDecimal(ref reader) : null,
            UnitCost = Has(fields, Transaction.Field.UnitCost) ? ReadDecimal(ref reader) : null,
            ListUnitPrice = Has(fields, Transaction.Field.ListUnitPrice) ? ReadDecimal(ref reader) : null,
            Amount = Has(fields, Transaction.Field.Amount) ? ReadDecimal(ref reader) : null,
            ExchangeRate = Has(fields, Transaction.Field.ExchangeRate) ? ReadDecimal(ref reader) : null,
            ServiceStart = Has(fields, Transaction.Field.ServiceStart) ? ReadDate(ref reader) : null,
            ServiceEnd = Has(fields, Transaction.Field.ServiceEnd) ? ReadDate(ref reader) : null,
            OrderDate = Has(fields, Transaction.Field.OrderDate) ? ReadDate(ref reader) : null,
            SubscriptionStart = Has(fields, Transaction.Field.SubscriptionStart) ? ReadDate(ref reader) : null,
        };
    }

    /// <summary>The record's SubscriptionId alone, without making the rest of the line.</summary>
    public static string ReadSubscriptionId(ref CompactReader reader, StringTable strings)
    {
        SkipHead(ref reader);
        var tag = reader.ReadVarint();
        switch (tag & 3)
        {
            case InlineTag:
                reader.Skip((int)(tag >> 2));
                break;
            case PackedTag:
            case PackedUpperTag:
                PackedId.Skip(ref reader, (int)(tag >> 2));
                break;
        }

        return ReadId(ref reader, strings);
    }

    private static void SkipHead(ref CompactReader reader)
    {
        var fields = (Transaction.Field)(reader.ReadVarint() & 0xFFFF);
        reader.ReadVarint();
        reader.ReadVarint();
        if (Has(fields, Transaction.Field.Kind))
        {
            reader.ReadVarint();
        }
    }


    private static bool Has(Transaction.Field fields, Transaction.Field field) => (fields & field) != 0;

    /// <summary>
    /// An id is often unique per line, so it is written with the line rather than through the table: ASCII ones as
    /// they are (tag 0, then the length) or packed (<see cref="PackedId"/>: tag 2 for lower-case hex digits, 3 for
    /// upper-case, then the length); anything else through the table (tag 1, then 0 for null or the number + 1), so
    /// no text is re-encoded.
    /// </summary>
    private static void WriteId(CompactWriter writer, StringTable strings, string? id)
    {
        var others = 0;
        var shape = id is null ? PackedId.Shape.Other : PackedId.Plan(id, out others);
        if (shape == PackedId.Shape.Other)
        {
            writer.WriteVarint(((id is null ? 0UL : (ulong)strings.Number(id) + 1) << 2) | TableTag);
            return;
        }

        // The tag goes first; a packing that came out no longer shorter is taken back.
        var length = (ulong)id!.Length << 2;
        if (shape != PackedId.Shape.Ascii)
        {
            var upperCase = shape == PackedId.Shape.Upper;
            var start = writer.Length;
            writer.WriteVarint(length | (upperCase ? PackedUpperTag : PackedTag));
            if (PackedId.Write(writer, id, upperCase, others))
            {
                return;
            }

            writer.Truncate(start);
        }

        writer.WriteVarint(length | InlineTag);
        writer.WriteAscii(id);
    }

    private static string ReadId(ref CompactReader reader, StringTable strings)
    {
        var tag = reader.ReadVarint();
        var value = (int)(tag >> 2);
        return (tag & 3) switch
        {
            InlineTag => reader.ReadAscii(value),
            PackedTag => PackedId.Read(ref reader, value, upperCase: false),
            PackedUpperTag => PackedId.Read(ref reader, value, upperCase: true),
            _ => value == 0 ? null! : strings.Text(value - 1),
        };
    }

    /// <summary>0 for null, else the table number + 1; <paramref name="slot"/> is the field's own (see <see cref="StringTable.Number(string, int)"/>).</summary>
    private static void WriteText(CompactWriter writer, StringTable strings, string? text, int slot) =>
        writer.WriteVarint(text is null ? 0UL : (ulong)strings.Number(text, slot) + 1);

    private static string? ReadText(ref CompactReader reader, StringTable strings)
    {
        var number = reader.ReadVarint();
        return number == 0 ? null : strings.Text((int)(number - 1));
    }

    private static void WriteDecimal(CompactWriter writer, decimal? value)
    {
        if (value is not decimal number)
        {
            return;
        }

#if NET
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(number, bits);
        int low = bits[0], middle = bits[1], high = bits[2], flags = bits[3];
#else
        // decimal.GetBits would make an array per value here.
        var words = new DecimalWords(number);
        int low = words.Low, middle = words.Middle, high = words.High, flags = words.Flags;
#endif
        // Head: scale (0–28) in bits 0–4, sign in bit 5, "high word follows" in bit 6.
        var scale = (flags >> 16) & 0xFF;
        var head = scale | (flags < 0 ? 0x20 : 0) | (high != 0 ? 0x40 : 0);
        writer.WriteByte((byte)head);
        writer.WriteVarint(((ulong)(uint)middle << 32) | (uint)low);
        if (high != 0)
        {
            writer.WriteVarint((uint)high);
        }
    }

    private static decimal ReadDecimal(ref CompactReader reader)
    {
        var head = reader.ReadByte();
        var low = reader.ReadVarint();
        var high = (head & 0x40) != 0 ? (int)(uint)reader.ReadVarint() : 0;
        return new decimal((int)(uint)low, (int)(uint)(low >> 32), high, (head & 0x20) != 0, (byte)(head & 0x1F));
    }

    /// <summary>Head: the kind in bits 0–1, bit 2 when the value is a whole day (then days, not ticks, follow: 3 bytes, not 8).</summary>
    private static void WriteDate(CompactWriter writer, DateTime? value)
    {
        if (value is not DateTime date)
        {
            return;
        }

        var wholeDay = date.Ticks % TimeSpan.TicksPerDay == 0;
        writer.WriteByte((byte)((int)date.Kind | (wholeDay ? 4 : 0)));
        writer.WriteVarint(wholeDay ? (ulong)(date.Ticks / TimeSpan.TicksPerDay) : (ulong)date.Ticks);
    }

    private static DateTime ReadDate(ref CompactReader reader)
    {
        var head = reader.ReadByte();
        var value = (long)reader.ReadVarint();
        return new DateTime((head & 4) != 0 ? value * TimeSpan.TicksPerDay : value, (DateTimeKind)(head & 3));
    }

    /// <summary>
    /// A decimal's four words as decimal.GetBits gives them, read in place: netstandard2.0 has no GetBits without an
    /// array. Every runtime lays a decimal out as flags, high, low, middle (.NET Framework's flags/hi/lo/mid, .NET's
    /// _flags/_hi32/_lo64); TransactionCodecTests checks it against decimal.GetBits.
    /// </summary>
    [StructLayout(LayoutKind.Explicit)]
    internal readonly struct DecimalWords
    {
        [FieldOffset(0)]
        public readonly int Flags;

        [FieldOffset(4)]
        public readonly int High;

        [FieldOffset(8)]
        public readonly int Low;

        [FieldOffset(12)]
        public readonly int Middle;

        [FieldOffset(0)]
        private readonly decimal _value;

        public DecimalWords(decimal value)
        {
            this = default;
            _value = value;
        }
    }
}
