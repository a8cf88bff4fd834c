using Autotask.Billing.Autotask;

namespace Autotask.Billing.Tests.Autotask;

/// <summary>
/// An entity's fields are read once per connection and shared by every caller that asks while the read runs: one
/// caller that stops waiting (cancelled, or its load failed) does not cancel the read for another; a read nobody waits
/// for any more is cancelled and read again by the next caller.
/// </summary>
public sealed class SharedFieldReadTests : IDisposable
{
    private const string FieldsPath = "/V1.0/Companies/entityInformation/fields";

    private readonly SandboxServer _server = SandboxServer.Empty();

    [Fact]
    public async Task A_caller_that_is_cancelled_does_not_cancel_the_shared_read_for_another()
    {
        using var client = await _server.ConnectAsync();
        using var hold = _server.Sandbox.Faults.Hold("Companies", "GET");
        using var first = new CancellationTokenSource();

        // The first caller starts the read; a second joins it while it is in flight; then the first gives up.
        var firstCaller = client.GetFieldsAsync("Companies", first.Token);
        await hold.Arrived.WaitAsync(TimeSpan.FromSeconds(30));
        var secondCaller = client.GetFieldsAsync("Companies");
        first.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => firstCaller);
        hold.Release();
        var fields = await secondCaller;

        Assert.Contains(fields, field => field.Name == "companyName");
        Assert.Equal(1, _server.RequestsMatching(FieldsPath));
        Assert.True(client.HasFields("Companies"));
    }

    [Fact]
    public async Task A_read_every_caller_gave_up_on_is_cancelled_and_read_again_by_the_next()
    {
        using var client = await _server.ConnectAsync();
        var hold = _server.Sandbox.Faults.Hold("Companies", "GET");
        using var only = new CancellationTokenSource();

        var onlyCaller = client.GetFieldsAsync("Companies", only.Token);
        await hold.Arrived.WaitAsync(TimeSpan.FromSeconds(30));
        only.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => onlyCaller);
        hold.Dispose();

        Assert.False(client.HasFields("Companies"));
        var fields = await client.GetFieldsAsync("Companies");
        Assert.Contains(fields, field => field.Name == "companyName");
        Assert.True(client.HasFields("Companies"));
    }

    public void Dispose() => _server.Dispose();
}
