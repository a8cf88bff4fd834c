using System.Text;

namespace Autotask.Billing.Tabular;

/// <summary>
/// Windows-1252 decoding without System.Text.Encoding.CodePages (not referenced, and absent on netstandard2.0):
/// 0x80–0x9F through Microsoft's table, every other byte as Latin-1.
/// </summary>
internal static class Windows1252
{
    private static readonly char[] HighControlBlock =
    {
        '\u20AC', '\u0081', '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021',
        '\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', '\u008D', '\u017D', '\u008F',
        '\u0090', '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014',
        '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', '\u009D', '\u017E', '\u0178',
    };

    public static Encoding Encoding { get; } = new Windows1252Encoding();

    /// <summary>UTF-8 that reads a stray Windows-1252 byte as its 1252 character instead of U+FFFD.</summary>
    public static Encoding Utf8WithFallback { get; } = CreateUtf8WithFallback();

    public static char ToChar(byte value) =>
        value >= 0x80 && value <= 0x9F ? HighControlBlock[value - 0x80] : (char)value;

    private static Encoding CreateUtf8WithFallback()
    {
        var encoding = (Encoding)new UTF8Encoding(false).Clone();
        encoding.DecoderFallback = new Windows1252DecoderFallback();
        return encoding;
    }

    private sealed class Windows1252Encoding : Encoding
    {
        public override string WebName => "windows-1252";

        public override int GetByteCount(char[] chars, int index, int count) => count;

        public override int GetBytes(char[] chars, int charIndex, int charCount, byte[] bytes, int byteIndex)
        {
            for (var i = 0; i < charCount; i++)
            {
                bytes[byteIndex + i] = ToByte(chars[charIndex + i]);
            }

            return charCount;
        }

        public override int GetCharCount(byte[] bytes, int index, int count) => count;

        public override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex)
        {
            for (var i = 0; i < byteCount; i++)
            {
                chars[charIndex + i] = ToChar(bytes[byteIndex + i]);
            }

            return byteCount;
        }

        public override int GetMaxByteCount(int charCount) => charCount;

        public override int GetMaxCharCount(int byteCount) => byteCount;

        private static byte ToByte(char value)
        {
            if (value < 0x80 || (value >= 0xA0 && value <= 0xFF))
            {
                return (byte)value;
            }

            var position = Array.IndexOf(HighControlBlock, value);
            return position >= 0 ? (byte)(0x80 + position) : (byte)'?';
        }
    }

    private sealed class Windows1252DecoderFallback : DecoderFallback
    {
        public override int MaxCharCount => 4;

        public override DecoderFallbackBuffer CreateFallbackBuffer() => new Buffer();

        private sealed class Buffer : DecoderFallbackBuffer
        {
            private readonly char[] _chars = new char[8];
            private int _count;
            private int _position;

            public override int Remaining => _count - _position;

            public override bool Fallback(byte[] bytesUnknown, int index)
            {
                _count = Math.Min(bytesUnknown.Length, _chars.Length);
                for (var i = 0; i < _count; i++)
                {
                    _chars[i] = ToChar(bytesUnknown[i]);
                }

                _position = 0;
                return _count > 0;
            }

            public override char GetNextChar() => _position < _count ? _chars[_position++] : '\0';

            public override bool MovePrevious()
            {
                if (_position == 0)
                {
                    return false;
                }

                _position--;
                return true;
            }

            public override void Reset()
            {
                _count = 0;
                _position = 0;
            }
        }
    }
}
