namespace ManagedTls.Crypto;

/// <summary>RSA signature padding: PKCS#1 v1.5, or PSS with a salt length and MGF1 (by default over the signature hash).</summary>
public readonly record struct RsaSignaturePadding
{
    private RsaSignaturePadding(bool isPss, int saltLength, HashAlgorithmId? mgfHash)
    {
        IsPss = isPss;
        SaltLength = saltLength;
        MgfHash = mgfHash;
    }

    /// <summary>RSASSA-PKCS1-v1_5 (RFC 8017 §8.2).</summary>
    public static RsaSignaturePadding Pkcs1 { get; } = new(false, 0, null);

    /// <summary>RSASSA-PSS with the salt as long as the digest, as TLS 1.3 requires (RFC 8446 §4.2.3).</summary>
    public static RsaSignaturePadding PssDigestLengthSalt { get; } = new(true, -1, null);

    /// <summary>True for PSS.</summary>
    public bool IsPss { get; }

    /// <summary>The PSS salt length in bytes; -1 means "the digest length"; 0 for PKCS#1 v1.5.</summary>
    public int SaltLength { get; }

    /// <summary>The hash MGF1 uses, or null for the signature's own hash (the only choice TLS 1.3 allows).</summary>
    public HashAlgorithmId? MgfHash { get; }

    /// <summary>RSASSA-PSS (RFC 8017 §8.1) with an explicit salt length, e.g. from RSASSA-PSS-params in a certificate.</summary>
    /// <param name="saltLength">The salt length in bytes, or -1 for the digest length.</param>
    /// <param name="mgfHash">The MGF1 hash when it differs from the signature hash (RFC 8017 §A.2.3); null for the same.</param>
    /// <returns>The padding.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="saltLength"/> is below -1.</exception>
    public static RsaSignaturePadding Pss(int saltLength, HashAlgorithmId? mgfHash = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(saltLength, -1);
        return new RsaSignaturePadding(true, saltLength, mgfHash);
    }
}
