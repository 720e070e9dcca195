using ManagedTls.Crypto.BouncyCastle;

namespace ManagedTls.Crypto;

/// <summary>Where code that does not receive a provider gets one.</summary>
public static class CryptoProviders
{
    /// <summary>The default provider: managed BouncyCastle, fed only by <see cref="ManagedTls.Random.SecureRandomSource"/>.</summary>
    public static ICryptoProvider Default => BouncyCastleCryptoProvider.Instance;
}
