namespace Autotask.Billing.Mapping;

/// <summary>
/// The store file changed on disk (a hand edit, most likely) after this run read it; saving would overwrite that
/// change, so nothing was written. <see cref="MappingStore.Update"/> re-applies a change to the newer file instead.
/// </summary>
public sealed class MappingStoreConflictException : IOException
{
    internal MappingStoreConflictException(string storePath)
        : base($"The mapping store at {storePath} was changed by someone else after this run read it; nothing was saved. Open it again to see the change, then repeat yours.")
    {
        StorePath = storePath;
    }

    public string StorePath { get; }
}
