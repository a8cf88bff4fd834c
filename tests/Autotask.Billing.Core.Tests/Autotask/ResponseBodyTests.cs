using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using Autotask.Billing.Autotask.Transport;

namespace Autotask.Billing.Tests.Autotask;

public sealed class ResponseBodyTests
{
    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    [InlineData(16 * 1024, false)]
    [InlineData(16 * 1024 + 1, false)]
    [InlineData(700_000, false)]
    [InlineData(700_000, true)]
    public async Task Every_byte_of_a_body_is_kept_whether_or_not_its_length_is_declared(int length, bool declared)
    {
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        using var content = new StreamContent(new TrickleStream(bytes));
        if (declared)
        {
            content.Headers.ContentLength = length;
        }

        using var body = await ResponseBody.ReadAsync(content, CancellationToken.None);

        Assert.Equal(length, body.Length);
        Assert.True(body.Bytes.Span.SequenceEqual(bytes));
    }

    [Fact]
    public async Task Text_follows_the_charset_and_a_byte_order_mark_as_HttpContent_does()
    {
        const string text = """{"errors":["Größe ≠ 0 — €"]}""";
        using var utf16 = new ByteArrayContent(Encoding.Unicode.GetBytes(text));
        utf16.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-16" };
        using var marked = new ByteArrayContent(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray());
        using var plain = new ByteArrayContent(Encoding.UTF8.GetBytes(text));

        foreach (var content in new HttpContent[] { utf16, marked, plain })
        {
            using var body = await ResponseBody.ReadAsync(content, CancellationToken.None);
            Assert.Equal(await content.ReadAsStringAsync(), body.Text());
            Assert.Equal(text, body.Text());
            Assert.Equal(content == utf16 ? Encoding.Unicode.WebName : null, body.Charset?.WebName);
        }
    }

    [Fact]
    public async Task A_body_cut_off_fails_the_read_instead_of_passing_for_a_shorter_one()
    {
        using var content = new StreamContent(new TrickleStream(new byte[100_000], failAfter: 40_000));

        await Assert.ThrowsAsync<IOException>(() => ResponseBody.ReadAsync(content, CancellationToken.None));
    }

    [Fact]
    public async Task Bytes_cannot_be_read_after_the_body_is_disposed()
    {
        using var content = new ByteArrayContent(new byte[] { 1, 2, 3 });
        var body = await ResponseBody.ReadAsync(content, CancellationToken.None);
        body.Dispose();

        Assert.Throws<ObjectDisposedException>(() => body.Bytes);
    }

    /// <summary>Hands out a few KB per read, as a socket does, and can break mid-way.</summary>
    private sealed class TrickleStream(byte[] bytes, int failAfter = int.MaxValue) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_position >= failAfter)
            {
                throw new IOException("The connection was reset.");
            }

            var n = Math.Min(Math.Min(count, 3_001), bytes.Length - _position);
            Array.Copy(bytes, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
