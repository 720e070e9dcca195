using ManagedTls.Random;
using Org.BouncyCastle.Crypto.Prng;

namespace ManagedTls.Crypto.BouncyCastle;

/// <summary>
/// A BouncyCastle <see cref="IRandomGenerator"/> that reads every byte from <see cref="SecureRandomSource"/>, the
/// library's only source of randomness: the OS by default (no user-space state, fork-safe), or the builtin
/// HMAC_DRBG when the user activates it. Never .NET's <c>RandomNumberGenerator</c>, which loads native libcrypto.
/// </summary>
/// <remarks>See docs/decisions/0003-one-random-source-for-bouncycastle.md for why this reads the selected engine.</remarks>
internal sealed class OsEntropyRandomGenerator : IRandomGenerator
{
    /// <summary>Mixed in as additional input when the builtin DRBG is active (never a replacement); ignored by the OS engine.</summary>
    public void AddSeedMaterial(byte[] seed) => SecureRandomSource.AddEntropy(seed);

    /// <summary>Ignored: a 64-bit caller seed (BouncyCastle passes time stamps) adds nothing worth mixing.</summary>
    public void AddSeedMaterial(long seed)
    {
    }

    public void NextBytes(byte[] bytes) => SecureRandomSource.Fill(bytes);

    public void NextBytes(byte[] bytes, int start, int len) => SecureRandomSource.Fill(bytes.AsSpan(start, len));
}
