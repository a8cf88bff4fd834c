namespace System.Runtime.CompilerServices;

// Lets netstandard2.0 and net472 builds use init-only setters and records.
internal static class IsExternalInit
{
}
