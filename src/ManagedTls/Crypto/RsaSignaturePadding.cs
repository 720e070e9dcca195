namespace ManagedTls.Crypto;

/// <summary>RSA signature padding: PKCS#1 v1.5, or PSS with MGF1 over the signature hash and a salt length.</summary>
public readonly record struct RsaSignaturePadding
{
    private RsaSignaturePadding(bool isPss, int saltLength)
    {
        IsPss = isPss;
        SaltLength = saltLength;
    }

    /// <summary>RSASSA-PKCS1-v1_5 (RFC 8017 §8.2).</summary>
    public static RsaSignaturePadding Pkcs1 { get; } = new(false, 0);

    /// <summary>RSASSA-PSS with the salt as long as the digest, as TLS 1.3 requires (RFC 8446 §4.2.3).</summary>
    public static RsaSignaturePadding PssDigestLengthSalt { get; } = new(true, -1);

    /// <summary>True for PSS.</summary>
    public bool IsPss { get; }

    /// <summary>The PSS salt length in bytes; -1 means "the digest length"; 0 for PKCS#1 v1.5.</summary>
    public int SaltLength { get; }

    /// <summary>RSASSA-PSS (RFC 8017 §8.1) with an explicit salt length.</summary>
    /// <param name="saltLength">The salt length in bytes, or -1 for the digest length.</param>
    /// <returns>The padding.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="saltLength"/> is below -1.</exception>
    public static RsaSignaturePadding Pss(int saltLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(saltLength, -1);
        return new RsaSignaturePadding(true, saltLength);
    }
}
