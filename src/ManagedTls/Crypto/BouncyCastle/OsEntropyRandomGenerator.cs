using ManagedTls.Random;
using Org.BouncyCastle.Crypto.Prng;

namespace ManagedTls.Crypto.BouncyCastle;

/// <summary>
/// A BouncyCastle <see cref="IRandomGenerator"/> that reads every byte from <see cref="OsEntropy"/>: no user-space
/// state (fork-safe), no <c>System.Security.Cryptography</c> (no native libcrypto).
/// </summary>
internal sealed class OsEntropyRandomGenerator : IRandomGenerator
{
    /// <summary>Ignored: the OS pool needs no caller seed, and mixing caller data in could only weaken it.</summary>
    public void AddSeedMaterial(byte[] seed)
    {
    }

    /// <summary>Ignored, as <see cref="AddSeedMaterial(byte[])"/>.</summary>
    public void AddSeedMaterial(long seed)
    {
    }

    public void NextBytes(byte[] bytes) => OsEntropy.Fill(bytes);

    public void NextBytes(byte[] bytes, int start, int len) => OsEntropy.Fill(bytes.AsSpan(start, len));
}
