using Autotask.Billing.Reconciliation;

namespace Autotask.Billing.Tests.Reconciliation;

public sealed class ForceReasonTextTests
{
    [Theory]
    [InlineData("it takes the units from 10 to zero")]
    [InlineData("it takes the units from 10 to zero.")]
    public void A_why_is_formatted_with_the_prefix_and_one_full_stop(string why)
    {
        Assert.Equal("Needs -Force: it takes the units from 10 to zero.", ForceReasonText.Format(why));
    }

    [Theory]
    [InlineData("Needs -Force: it takes the units from 10 to zero.")]
    [InlineData("  NEEDS -FORCE:it takes the units from 10 to zero  ")]
    [InlineData("it takes the units from 10 to zero.")]
    public void The_why_comes_back_out_of_a_force_reason_with_or_without_the_prefix(string reason)
    {
        Assert.Equal("it takes the units from 10 to zero", ForceReasonText.Why(reason));
        Assert.Equal("Needs -Force: it takes the units from 10 to zero.", ForceReasonText.Normalize(reason));
    }

    [Theory]
    [InlineData("Needs -Force: it takes the units from 10 to zero.")]
    [InlineData("it takes the units from 10 to zero")]
    public void A_skipped_change_says_it_needs_force_in_the_words_of_its_reason(string reason)
    {
        Assert.Equal("needs -Force: it takes the units from 10 to zero", ForceReasonText.Skipped(reason));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void No_reason_has_no_why(string? reason)
    {
        Assert.Null(ForceReasonText.Why(reason));
        Assert.Null(ForceReasonText.Normalize(reason));
    }
}
