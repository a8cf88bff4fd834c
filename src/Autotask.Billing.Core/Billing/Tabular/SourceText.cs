using System.IO.Compression;
using System.Text;

namespace Autotask.Billing.Tabular;

/// <summary>
/// Opens a billing file as text: gzip unwrapped; UTF-8 (BOM or not), UTF-16 LE/BE and Windows-1252 detected from
/// the first bytes; the first characters kept so the caller can tell CSV from JSON and pick the delimiter.
/// </summary>
internal sealed class SourceText
{
    private const int SniffBytes = 64 * 1024;

    private SourceText(string path, bool isGzip, Encoding encoding, string prefix)
    {
        Path = path;
        IsGzip = isGzip;
        Encoding = encoding;
        Prefix = prefix;
    }

    public string Path { get; }

    public bool IsGzip { get; }

    public Encoding Encoding { get; }

    /// <summary>The decoded start of the file (up to 64 KB of bytes), BOM removed.</summary>
    public string Prefix { get; }

    public bool LooksLikeJson
    {
        get
        {
            foreach (var c in Prefix)
            {
                if (!char.IsWhiteSpace(c))
                {
                    return c == '[' || c == '{';
                }
            }

            return false;
        }
    }

    public static SourceText Sniff(string path)
    {
        bool isGzip;
        byte[] head;
        int length;
        using (var raw = OpenFile(path))
        {
            var magic = new byte[2];
            isGzip = raw.Read(magic, 0, 2) == 2 && magic[0] == 0x1F && magic[1] == 0x8B;
        }

        using (var stream = OpenStream(path, isGzip))
        {
            head = new byte[SniffBytes];
            length = ReadFully(stream, head);
        }

        var (encoding, bomLength) = DetectEncoding(head, length);
        var prefix = encoding.GetString(head, bomLength, TrimIncompleteTail(encoding, head, bomLength, length));
        return new SourceText(path, isGzip, encoding, prefix);
    }

    public TextReader OpenReader() =>
        new StreamReader(OpenStream(Path, IsGzip), Encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024);

    private static Stream OpenStream(string path, bool isGzip)
    {
        var file = OpenFile(path);
        return isGzip ? new GZipStream(file, CompressionMode.Decompress) : file;
    }

    private static FileStream OpenFile(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 64 * 1024, FileOptions.SequentialScan);

    private static int ReadFully(Stream stream, byte[] buffer)
    {
        var total = 0;
        int read;
        while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0)
        {
            total += read;
        }

        return total;
    }

    private static (Encoding Encoding, int BomLength) DetectEncoding(byte[] bytes, int length)
    {
        if (length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            return (Windows1252.Utf8WithFallback, 3);
        }

        if (length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            return (new UnicodeEncoding(bigEndian: false, byteOrderMark: true), 2);
        }

        if (length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            return (new UnicodeEncoding(bigEndian: true, byteOrderMark: true), 2);
        }

        var utf16 = DetectUtf16WithoutBom(bytes, length);
        if (utf16 is not null)
        {
            return (utf16, 0);
        }

        return (IsValidUtf8(bytes, length) ? Windows1252.Utf8WithFallback : Windows1252.Encoding, 0);
    }

    // Text in UTF-16 without a BOM shows up as ASCII with every other byte zero.
    private static Encoding? DetectUtf16WithoutBom(byte[] bytes, int length)
    {
        var sample = Math.Min(length, 4096) & ~1;
        if (sample < 4)
        {
            return null;
        }

        int evenZeros = 0, oddZeros = 0;
        for (var i = 0; i < sample; i += 2)
        {
            if (bytes[i] == 0)
            {
                evenZeros++;
            }

            if (bytes[i + 1] == 0)
            {
                oddZeros++;
            }
        }

        var pairs = sample / 2;
        if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.1)
        {
            return new UnicodeEncoding(bigEndian: false, byteOrderMark: false);
        }

        if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.1)
        {
            return new UnicodeEncoding(bigEndian: true, byteOrderMark: false);
        }

        return null;
    }

    private static bool IsValidUtf8(byte[] bytes, int length)
    {
        var i = 0;
        while (i < length)
        {
            var b = bytes[i];
            int continuation;
            if (b < 0x80)
            {
                i++;
                continue;
            }

            if (b >= 0xC2 && b <= 0xDF)
            {
                continuation = 1;
            }
            else if (b >= 0xE0 && b <= 0xEF)
            {
                continuation = 2;
            }
            else if (b >= 0xF0 && b <= 0xF4)
            {
                continuation = 3;
            }
            else
            {
                return false;
            }

            if (i + continuation >= length)
            {
                // A sequence cut by the end of the sample is not evidence either way.
                return true;
            }

            for (var k = 1; k <= continuation; k++)
            {
                if ((bytes[i + k] & 0xC0) != 0x80)
                {
                    return false;
                }
            }

            i += continuation + 1;
        }

        return true;
    }

    private static int TrimIncompleteTail(Encoding encoding, byte[] bytes, int start, int length)
    {
        var count = length - start;
        if (encoding is UnicodeEncoding)
        {
            return count & ~1;
        }

        if (encoding.CodePage == Encoding.UTF8.CodePage || encoding.WebName == "utf-8")
        {
            var end = length;
            var back = 0;
            while (end > start && back < 3 && (bytes[end - 1] & 0xC0) == 0x80)
            {
                end--;
                back++;
            }

            if (end > start && bytes[end - 1] >= 0xC0)
            {
                end--;
            }
            else
            {
                end = length;
            }

            return end - start;
        }

        return count;
    }
}
