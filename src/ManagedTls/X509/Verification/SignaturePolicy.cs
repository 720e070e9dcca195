namespace ManagedTls.X509.Verification;

/// <summary>Which signatures and keys the verifier accepts on a chain.</summary>
public sealed record SignaturePolicy
{
    /// <summary>The default: MD5 (and MD2/MD4) refused, SHA-1 accepted, RSA keys of at least 1024 bits.</summary>
    public static SignaturePolicy Default { get; } = new();

    /// <summary>Whether SHA-1 signatures are accepted (default true, as OpenSSL 3.0 at security level 1 does for chains).</summary>
    public bool AllowSha1 { get; init; } = true;

    /// <summary>The smallest RSA (and DSA) modulus accepted, in bits (default 1024).</summary>
    public int MinimumRsaBits { get; init; } = 1024;
}
