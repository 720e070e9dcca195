using ManagedTls.Crypto;
using ManagedTls.Tls.Suites;

namespace ManagedTls.Tls.KeySchedule;

/// <summary>Derivations keyed by the negotiated suite's <see cref="TlsCipherSuiteInfo"/>.</summary>
internal static partial class Tls13Keys
{
    /// <summary>The record key and IV of a traffic secret for the suite (RFC 8446 §7.3).</summary>
    /// <param name="provider">The primitive provider.</param>
    /// <param name="suite">A TLS 1.3 suite (its hash, key length and 12-byte IV).</param>
    /// <param name="trafficSecret">The traffic secret.</param>
    /// <returns>The key and the IV.</returns>
    /// <exception cref="ArgumentException">The suite is not a TLS 1.3 suite.</exception>
    public static (byte[] Key, byte[] Iv) TrafficKeys(ICryptoProvider provider, TlsCipherSuiteInfo suite, ReadOnlySpan<byte> trafficSecret)
    {
        ArgumentNullException.ThrowIfNull(suite);
        if (!suite.IsTls13)
        {
            throw new ArgumentException($"{suite.IanaName} is not a TLS 1.3 suite.", nameof(suite));
        }

        return TrafficKeys(provider, suite.Hash, suite.KeyLength, suite.FixedIvLength, trafficSecret);
    }
}
