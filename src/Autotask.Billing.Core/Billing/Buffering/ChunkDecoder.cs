namespace Autotask.Billing.Buffering;

/// <summary>Reads one thing (a line, a line's subscription id) from a record of a <see cref="TransactionBuffer"/> chunk.</summary>
internal delegate T ChunkDecoder<T>(ref CompactReader reader, StringTable strings);
