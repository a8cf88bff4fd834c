using Autotask.Billing.Buffering;

namespace Autotask.Billing.Tests.Billing;

/// <summary>
/// The parts of <see cref="TransactionCodec"/> a faster encoding makes delicate (issue 15): ids packed as hex of
/// either case with a GUID's dashes implied, texts found by reference, reading that allocates only the line and its
/// ids. <see cref="TransactionBufferTests"/> proves the whole line round trip; these pin the edges.
/// </summary>
public sealed class TransactionCodecTests
{
    private static readonly string[] DelicateIds = BuildDelicateIds();

    [Fact]
    public void Delicate_ids_read_back_exactly_whole_and_alone()
    {
        var buffer = new TransactionBuffer();
        var lines = new List<Transaction>();
        foreach (var id in DelicateIds)
        {
            // Each id in each of the three id fields, and a text and numbers after them that must still line up.
            var line = new Transaction
            {
                TransactionId = id,
                SubscriptionId = id,
                ReferenceId = id,
                Sku = "after-" + lines.Count,
                Quantity = lines.Count,
                SourceLine = lines.Count,
            };
            lines.Add(line);
            buffer.Add(line);
            var shifted = new Transaction { TransactionId = "x" + id, SubscriptionId = id + "-", ReferenceId = id.ToUpperInvariant(), Sku = "after", Quantity = -lines.Count };
            lines.Add(shifted);
            buffer.Add(shifted);
        }

        for (var i = 0; i < lines.Count; i++)
        {
            var back = buffer[i];
            Assert.Equal(lines[i].TransactionId, back.TransactionId);
            Assert.Equal(lines[i].SubscriptionId, back.SubscriptionId);
            Assert.Equal(lines[i].ReferenceId, back.ReferenceId);
            Assert.Equal(lines[i].SubscriptionId, buffer.SubscriptionIdAt(i));
            Assert.Equal((lines[i].Sku, lines[i].Quantity, lines[i].SourceLine), (back.Sku, back.Quantity, back.SourceLine));
        }
    }

    [Fact]
    public void A_packed_id_is_shorter_than_ascii_and_reads_back_exactly()
    {
        var packed = 0;
        foreach (var id in DelicateIds.Concat(RandomIds(new Random(1515_2), 20_000)))
        {
            var shape = PackedId.Plan(id, out var others);
            if (shape == PackedId.Shape.Other)
            {
                Assert.Contains(id, c => c > 0x7F);
                continue;
            }

            if (shape == PackedId.Shape.Ascii)
            {
                continue;
            }

            var writer = new CompactWriter();
            writer.WriteByte(0xEE);
            if (!PackedId.Write(writer, id, shape == PackedId.Shape.Upper, others))
            {
                Assert.Equal(1, writer.Length);
                continue;
            }

            packed++;
            Assert.True(writer.Length - 1 < id.Length, $"'{id}' packed into {writer.Length - 1} bytes");
            writer.WriteByte(0xAB);
            var reader = new CompactReader(writer.Bytes, 1);
            Assert.Equal(id, PackedId.Read(ref reader, id.Length, shape == PackedId.Shape.Upper));
            Assert.Equal(0xAB, reader.ReadByte());
            var skipping = new CompactReader(writer.Bytes, 1);
            PackedId.Skip(ref skipping, id.Length);
            Assert.Equal(0xAB, skipping.ReadByte());
        }

        Assert.True(packed > 5_000, $"only {packed} ids packed");
    }

    [Theory]
    [InlineData("7c1f2a9e-2e8b-4ab5-8bed-d9f50dcca7a2", 17)]
    [InlineData("7C1F2A9E-2E8B-4AB5-8BED-D9F50DCCA7A2", 17)]
    [InlineData("7c1f2a9e-2e8b-4ab5-8bed-d9f50dcca7a2-0", 20)]
    [InlineData("pc-e399365c033965b06ab6cdb4", 18)]
    [InlineData("7c1f2a9e2e8b4ab58bedd9f50dcca7a2", 17)]
    [InlineData("7C1F2A9E-2e8b-4ab5-8bed-d9f50dcca7a2", 23)]
    public void Ids_of_the_usual_shapes_pack_to_their_size(string id, int bytes)
    {
        var shape = PackedId.Plan(id, out var others);
        Assert.True(shape is PackedId.Shape.Lower or PackedId.Shape.Upper, $"{id}: {shape}");
        var writer = new CompactWriter();
        Assert.True(PackedId.Write(writer, id, shape == PackedId.Shape.Upper, others));
        Assert.Equal(bytes, writer.Length);
    }

    [Fact]
    public void Texts_read_back_as_the_instance_stored_and_equal_texts_of_other_instances_share_a_number()
    {
        var buffer = new TransactionBuffer();
        for (var i = 0; i < 6; i++)
        {
            // A new instance each line, alternating between two values, one also given to another field.
            var sku = new string(i % 2 == 0 ? "SKU-A".ToCharArray() : "SKU-B".ToCharArray());
            buffer.Add(new Transaction { Sku = sku, ProductName = sku, CustomerName = "Contoso" + (i / 3), Quantity = i });
        }

        var back = Enumerable.Range(0, 6).Select(i => buffer[i]).ToList();
        Assert.Equal(new[] { "SKU-A", "SKU-B", "SKU-A", "SKU-B", "SKU-A", "SKU-B" }, back.Select(l => l.Sku));
        Assert.Equal(back.Select(l => l.Sku), back.Select(l => l.ProductName));
        Assert.Equal(new[] { "Contoso0", "Contoso0", "Contoso0", "Contoso1", "Contoso1", "Contoso1" }, back.Select(l => l.CustomerName));
        Assert.Same(back[0].Sku, back[2].Sku);
        Assert.Same(back[0].Sku, back[4].ProductName);
        Assert.Same(back[1].Sku, buffer[1].Sku);
    }

    [Fact]
    public void A_text_seen_before_a_clear_is_numbered_afresh_after_it()
    {
        var buffer = new TransactionBuffer();
        var sku = "CFQ7TTC0LH18:0001";
        buffer.Add(new Transaction { Sku = sku, CustomerName = "First" });
        buffer.Clear();

        // The same instance again, now after another text took the table's first number.
        buffer.Add(new Transaction { Source = "PartnerCenter", CustomerName = "Second", Sku = sku });
        var back = Assert.Single(buffer);
        Assert.Equal(("PartnerCenter", "Second", sku), (back.Source, back.CustomerName, back.Sku));
    }

    [Fact]
    public void Reading_a_line_allocates_the_line_and_its_unique_ids_only()
    {
        var buffer = new TransactionBuffer();
        for (var i = 0; i < 1_000; i++)
        {
            var subscription = $"{i:x8}-0001-4aa0-da80-{i:x12}";
            buffer.Add(new Transaction
            {
                Source = "PartnerCenter",
                TransactionId = $"pc-{i:x24}",
                SubscriptionId = subscription,
                ReferenceId = subscription + "-0",
                CustomerId = "7c1f2a9e-2e8b-4ab5-8bed-d9f50dcca7a2",
                CustomerName = "Contoso",
                Sku = "CFQ7TTC0LH18:0001",
                Currency = "USD",
                Quantity = i,
                UnitPrice = 12.50m,
                Amount = 12.50m * i,
                ServiceStart = new DateTime(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc),
                ServiceEnd = new DateTime(2026, 10, 31, 0, 0, 0, DateTimeKind.Utc),
                ChargeType = ChargeType.Recurring,
            });
        }

        // Warm: the thread's decode scratch, JIT.
        _ = buffer[0];
        _ = buffer.SubscriptionIdAt(0);

        // No assertion inside the loops: xunit's own allocations would be counted.
        var quantities = 0m;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < buffer.Count; i++)
        {
            quantities += buffer[i].Quantity;
        }

        var perLine = (GC.GetAllocatedBytesForCurrentThread() - before) / buffer.Count;

        var chars = 0;
        before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < buffer.Count; i++)
        {
            chars += buffer.SubscriptionIdAt(i).Length;
        }

        var perId = (GC.GetAllocatedBytesForCurrentThread() - before) / buffer.Count;
        Assert.Equal(999 * 1_000 / 2, quantities);
        Assert.Equal(36 * 1_000, chars);

        // The line (about 300 bytes on 64-bit) and three id strings of 27, 36 and 38 chars (about 280): no arrays or
        // builders on the side (before: 1,048 bytes a line, 256 an id).
        Assert.InRange(perLine, 500, 700);
        Assert.InRange(perId, 72, 112);
    }

    [Fact]
    public void A_decimal_read_in_place_has_the_words_decimal_GetBits_gives()
    {
        // The netstandard2.0 build writes decimals through DecimalWords; the layout it assumes is checked here.
        var random = new Random(15_15);
        var values = new[] { 0m, -0m, 0.00m, -0.00m, 1m, -1m, decimal.MaxValue, decimal.MinValue, 1m / 3m, -12.3400m, 0.0000000000000000000000000001m, 4294967296m, 18446744073709551616m }
            .Concat(Enumerable.Range(0, 10_000).Select(_ => new decimal(random.Next(), random.Next(), random.Next(), random.Next(2) == 0, (byte)random.Next(29))));
        foreach (var value in values)
        {
            var words = new TransactionCodec.DecimalWords(value);
            Assert.Equal(decimal.GetBits(value), new[] { words.Low, words.Middle, words.High, words.Flags });
        }
    }

    private static string[] BuildDelicateIds()
    {
        const string guid = "7c1f2a9e-2e8b-4ab5-8bed-d9f50dcca7a2";
        var ids = new List<string>
        {
            string.Empty, "0", "a", "A", "g", "ab", "abc", "abcde", "0123456789abcdef0", "0123456789ABCDEF0", "aBcD", "AbCd",
            guid, guid.ToUpperInvariant(), guid + "-0", guid.ToUpperInvariant() + "-12", "{" + guid + "}", guid.Replace("-", string.Empty),
            "7C1F2A9E-2e8b-4ab5-8bed-d9f50dcca7a2", "7c1f2a9e-2e8b-4ab5-8bed-D9F50DCCA7A2", "pc-e399365c033965b06ab6cdb4",
            "PC-E399365C033965B06AB6CDB4", "pc-E399365C033965B06AB6CDB4",
            // At the GUID-dash boundary: the dashes at 8, 13, 18, 23 and nothing or something after.
            "7c1f2a9e-2e8b-4ab5-8bed-", "7c1f2a9e-2e8b-4ab5-8bed", "7c1f2a9e-2e8b-4ab5-8bed-d", "--------------------------------",
            "7c1f2a9e-2e8b-4ab5x8bed-d9f50dcca7a2", "7c1f2a9e_2e8b_4ab5_8bed_d9f50dcca7a2", "7c1f2a9e--2e8b-4ab5-8bed-d9f50dcca7a2",
            "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff", "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF",
            // Where packing is barely shorter or not: others cost two bytes, digits half.
            "ab-", "abcd-", "abcdef-", "abcdefab-", "a-b-c-d-e-f", "-a", "a-", "ab-cd-ef-01-23-45-67-89",
            // Not hex, not ASCII, control chars.
            "Contoso-Sub-1", "sub 1", "é", "abcé", "abcdef\u0080", "abc\u007F", "\0", "\0\0\0\0abcdef0123", "\uD800", "\U00010428",
            "line\nbreak", "ab\r\ncd",
        };

        // Long ids: hex only, and with others far apart (distances of 1, 2 and 3 bytes).
        ids.Add(new string('a', 70_001));
        ids.Add(new string('F', 4_097));
        ids.Add(string.Concat(Enumerable.Repeat("0123456789abcdef", 100)) + "-x-" + new string('e', 20_000) + "Z");
        ids.Add("-" + new string('1', 127) + "-" + new string('2', 128) + "-" + new string('3', 16_384) + "-");
        ids.Add(string.Concat(Enumerable.Range(0, 300).Select(i => i % 2 == 0 ? "ab" : "-")));
        ids.Add(string.Concat(Enumerable.Range(0, 300).Select(i => i % 2 == 0 ? "abc" : "-")));
        ids.Add(string.Concat(Enumerable.Range(0, 300).Select(i => i % 2 == 0 ? "ABCDEF" : "-")));
        return ids.ToArray();
    }

    private static IEnumerable<string> RandomIds(Random random, int count)
    {
        string[] alphabets =
        {
            "0123456789abcdef", "0123456789ABCDEF", "0123456789abcdefABCDEF", "0123456789abcdef-", "0123456789ABCDEF-",
            "0123456789abcdef0123456789abcdef-ABCDEFpcx_:/ ", "0123456789abcdef\u00e9",
        };
        for (var i = 0; i < count; i++)
        {
            var alphabet = alphabets[random.Next(alphabets.Length)];
            var length = random.Next(0, i % 100 == 0 ? 2_000 : 60);
            var chars = new char[length];
            for (var k = 0; k < length; k++)
            {
                chars[k] = alphabet[random.Next(alphabet.Length)];
            }

            // A third get a GUID's dashes, so the implied-dash path meets every alphabet.
            if (length > 23 && random.Next(3) == 0)
            {
                chars[8] = chars[13] = chars[18] = chars[23] = '-';
            }

            yield return new string(chars);
        }
    }
}
