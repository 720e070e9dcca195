namespace ManagedTls.Crypto;

/// <content>Finite-field Diffie-Hellman (TLS 1.2 DHE, RFC 7919 groups and PKCS#3 parameters).</content>
public partial interface ICryptoProvider
{
    /// <summary>
    /// Generates an ephemeral finite-field Diffie-Hellman key pair over caller-supplied parameters (PKCS#3, as
    /// <c>openssl dhparam</c> writes them). The public value and the shared secret are left-padded to the length of p.
    /// Peer values outside 1 &lt; y &lt; p-1 are refused (RFC 7919 §5.1, NIST SP 800-56A §5.6.2.3.1).
    /// </summary>
    /// <param name="prime">p, big-endian unsigned.</param>
    /// <param name="generator">g, big-endian unsigned.</param>
    /// <param name="privateExponentBits">The private exponent length; at most the bit length of p minus one is used.</param>
    /// <returns>The key pair (<see cref="KeyAgreementAlgorithmId.FiniteFieldDh"/>, or the RFC 7919 group when p and g are one); the caller disposes it.</returns>
    /// <exception cref="ArgumentException">p is even or shorter than 512 bits, or g is not in [2, p-2].</exception>
    IKeyAgreement GenerateFiniteFieldDh(ReadOnlySpan<byte> prime, ReadOnlySpan<byte> generator, int privateExponentBits);
}
