using System.Buffers;
using System.Net.Http;
using System.Text;

namespace Autotask.Billing.Autotask.Transport;

/// <summary>
/// A response's body, read whole into a buffer borrowed from the shared array pool and returned on dispose. A page of
/// 500 rows is a few hundred KB: HttpClient's own buffering gave every page a fresh large-object array (twice, with
/// the copy the reader needed), which only a full collection frees; a 1M-line compare reads 870 pages.
/// </summary>
internal sealed class ResponseBody : IDisposable
{
    private const int FirstBufferSize = 16 * 1024;
    private const int LargestFirstBuffer = 8 * 1024 * 1024;
    private byte[]? _buffer;

    private ResponseBody(byte[] buffer, int length, Encoding? charset)
    {
        _buffer = buffer;
        Length = length;
        Charset = charset;
    }

    public int Length { get; }

    /// <summary>The encoding the Content-Type names; null when it names none (or one .NET does not know).</summary>
    public Encoding? Charset { get; }

    private byte[] Buffer => _buffer ?? throw new ObjectDisposedException(nameof(ResponseBody));

    /// <summary>Reads all of <paramref name="content"/>; a read cut off or cancelled throws, as HttpClient's buffering did.</summary>
    public static async Task<ResponseBody> ReadAsync(HttpContent content, CancellationToken cancellationToken)
    {
        // The declared length sizes the first buffer (one byte over, so the end is seen without growing), within
        // reason: a length is only a claim until the bytes arrive.
        var declared = content.Headers.ContentLength;
        var buffer = ArrayPool<byte>.Shared.Rent(declared is > 0 and < LargestFirstBuffer ? (int)declared.Value + 1 : FirstBufferSize);
        var length = 0;
        try
        {
#if NET8_0_OR_GREATER
            using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
            using var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(checked(buffer.Length * 2));
                    System.Buffer.BlockCopy(buffer, 0, larger, 0, length);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await stream.ReadAsync(buffer, length, buffer.Length - length, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return new ResponseBody(buffer, length, CharsetOf(content));
                }

                length += read;
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    /// <summary>The bytes; valid until the body is disposed.</summary>
    public ReadOnlyMemory<byte> Bytes => Buffer.AsMemory(0, Length);

    /// <summary>
    /// The body as text, as HttpContent.ReadAsStringAsync gives it: a byte-order mark decides, then the charset, then
    /// UTF-8.
    /// </summary>
    public string Text()
    {
        using var reader = new StreamReader(new MemoryStream(Buffer, 0, Length, writable: false), Charset ?? Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    public void Dispose()
    {
        if (_buffer is { } buffer)
        {
            _buffer = null;
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static Encoding? CharsetOf(HttpContent content)
    {
        var charset = content.Headers.ContentType?.CharSet?.Trim('"');
        if (string.IsNullOrEmpty(charset))
        {
            return null;
        }

        try
        {
            return Encoding.GetEncoding(charset);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
