using ManagedTls.Crypto;

namespace ManagedTls.Pkcs.Pkcs12;

/// <summary>
/// How <see cref="Pkcs12Builder.Export"/> protects an archive: the key and certificate encryption, the MAC digest and
/// iteration count. Immutable; start from <see cref="Modern"/> or <see cref="Legacy"/>.
/// </summary>
public sealed record Pkcs12ExportOptions
{
    /// <summary>OpenSSL 3's <c>openssl pkcs12 -export</c> defaults: PBES2 AES-256-CBC with hmacWithSHA256 for keys and certificates, an HMAC-SHA256 MAC, 2048 iterations each.</summary>
    public static Pkcs12ExportOptions Default { get; } = Modern();

    /// <summary>The key encryption; null writes an unencrypted keyBag (<c>-keypbe NONE</c>).</summary>
    public PbeParameters? KeyEncryption { get; init; } = PbeParameters.Default;

    /// <summary>The certificate encryption; null writes the certificates in a plain data safe (<c>-certpbe NONE</c>).</summary>
    public PbeParameters? CertificateEncryption { get; init; } = PbeParameters.Default;

    /// <summary>The MAC digest (a PKCS#12 KDF digest: SHA-1, SHA-224, SHA-256, SHA-384, SHA-512, ...).</summary>
    public HashAlgorithmId MacAlgorithm { get; init; } = HashAlgorithmId.Sha256;

    /// <summary>The MAC iteration count; -1 writes no MAC (<c>-nomac</c>, pyOpenSSL's <c>maciter=-1</c>); 0 means 1, as in OpenSSL's <c>PKCS12_create</c>.</summary>
    public int MacIterationCount { get; init; } = 2048;

    /// <summary>The MAC salt length in bytes (OpenSSL writes 8).</summary>
    public int MacSaltLength { get; init; } = 8;

    /// <summary>OpenSSL 3's defaults with the given iteration counts.</summary>
    /// <param name="iterations">The PBE iteration count; 0 means 2048, as <c>PKCS12_create</c>.</param>
    /// <param name="macIterations">The MAC iteration count; -1 for no MAC.</param>
    /// <returns>The options.</returns>
    public static Pkcs12ExportOptions Modern(int iterations = 2048, int macIterations = 2048)
    {
        PbeParameters pbe = PbeParameters.Pbes2("aes-256-cbc", HashAlgorithmId.Sha256, Normalize(iterations));
        return new Pkcs12ExportOptions { KeyEncryption = pbe, CertificateEncryption = pbe, MacAlgorithm = HashAlgorithmId.Sha256, MacIterationCount = macIterations };
    }

    /// <summary>
    /// The profile old consumers (Windows before 10 1709, Java 8 before 8u301, OpenSSL 1.x) need, as <c>openssl pkcs12
    /// -export -legacy</c>: keys with pbeWithSHAAnd3-KeyTripleDES-CBC, certificates with pbeWithSHAAnd40BitRC2-CBC, an
    /// HMAC-SHA1 MAC.
    /// </summary>
    /// <param name="iterations">The PBE iteration count; 0 means 2048.</param>
    /// <param name="macIterations">The MAC iteration count; -1 for no MAC.</param>
    /// <returns>The options.</returns>
    public static Pkcs12ExportOptions Legacy(int iterations = 2048, int macIterations = 2048) => new()
    {
        KeyEncryption = PbeParameters.Pbes1("PBE-SHA1-3DES", Normalize(iterations)),
        CertificateEncryption = PbeParameters.Pbes1("PBE-SHA1-RC2-40", Normalize(iterations)),
        MacAlgorithm = HashAlgorithmId.Sha1,
        MacIterationCount = macIterations,
    };

    private static int Normalize(int iterations) => iterations == 0 ? 2048 : iterations;
}
