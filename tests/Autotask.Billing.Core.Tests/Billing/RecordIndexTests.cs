using Autotask.Billing.Buffering;

namespace Autotask.Billing.Tests.Billing;

public sealed class RecordIndexTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(8_191)]
    [InlineData(8_192)]
    [InlineData(8_193)]
    [InlineData(40_000)]
    public void Every_record_reads_back_across_pages(int count)
    {
        var index = new RecordIndex();
        for (var i = 0; i < count; i++)
        {
            index.Add(((long)i << 32) | (uint)(i * 7));
        }

        Assert.Equal(count, index.Count);
        for (var i = 0; i < count; i++)
        {
            Assert.Equal(((long)i << 32) | (uint)(i * 7), index[i]);
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => index[count]);
        Assert.Throws<ArgumentOutOfRangeException>(() => index[-1]);
    }
}
