using Autotask.Billing.Mapping;

namespace Autotask.Billing.Tests.Mapping;

/// <summary>A mapping edit meeting another run's save waits briefly for it instead of failing at once.</summary>
public sealed class MappingStoreLockWaitTests
{
    [Fact]
    public async Task An_edit_waits_for_a_save_in_progress_and_then_goes_ahead()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("mappings.json");
        var held = MappingStoreLock.Acquire(path);
        var release = Task.Run(async () =>
        {
            await Task.Delay(300);
            held.Dispose();
        });

        using (var store = MappingStore.Open(path))
        {
            Assert.Equal(path, store.Path);
        }

        await release;
    }

    [Fact]
    public void An_edit_gives_up_after_the_wait_naming_the_holder()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("mappings.json");
        using var held = MappingStoreLock.Acquire(path);
        var started = DateTime.UtcNow;

        var refused = Assert.Throws<MappingStoreInUseException>(() => MappingStoreLock.Acquire(path, TimeSpan.FromMilliseconds(200)));

        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromMilliseconds(180));
        Assert.Equal(Environment.ProcessId, refused.OwnerProcessId);
    }
}
