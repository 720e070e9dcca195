using System.Runtime.CompilerServices;

namespace ManagedTls.Crypto;

/// <summary>Zeroing of secrets (keys, shared secrets, intermediate key-schedule values) that the JIT may not elide.</summary>
public static class SecretMemory
{
    /// <summary>Overwrites <paramref name="buffer"/> with zeros.</summary>
    /// <param name="buffer">The secret; an empty span is a no-op.</param>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.NoOptimization)]
    public static void Zero(Span<byte> buffer) => buffer.Clear();

    /// <summary>Overwrites <paramref name="buffer"/> with zeros when it is not null.</summary>
    /// <param name="buffer">The secret array, or null.</param>
    public static void Zero(byte[]? buffer)
    {
        if (buffer is not null)
        {
            Zero(buffer.AsSpan());
        }
    }
}
