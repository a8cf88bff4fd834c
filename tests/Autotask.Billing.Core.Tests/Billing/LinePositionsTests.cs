using Autotask.Billing.Buffering;

namespace Autotask.Billing.Tests.Billing;

public sealed class LinePositionsTests
{
    [Theory]
    [InlineData(new int[0])]
    [InlineData(new[] { 7 })]
    [InlineData(new[] { 3, 4, 5, 6 })]
    [InlineData(new[] { 3, 4, 6 })]
    [InlineData(new[] { 5, 4, 3 })]
    [InlineData(new[] { 2, 2 })]
    [InlineData(new[] { 0, 1, 2, 9, 10 })]
    public void Positions_read_back_as_given_whether_or_not_they_follow_one_another(int[] given)
    {
        var positions = LinePositions.Of((int[])given.Clone());

        Assert.Equal(given.Length, positions.Count);
        Assert.Equal(given, Enumerable.Range(0, positions.Count).Select(i => positions[i]));
    }
}
