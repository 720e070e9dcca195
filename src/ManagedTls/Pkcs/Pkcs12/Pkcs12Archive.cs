using System.Collections.ObjectModel;
using System.Text;
using ManagedTls.Crypto;
using ManagedTls.Keys;
using ManagedTls.X509;

namespace ManagedTls.Pkcs.Pkcs12;

/// <summary>
/// A loaded PKCS#12 archive (RFC 7292 PFX): the MAC, every safe and bag in order, and the view OpenSSL's
/// <c>PKCS12_parse</c> gives — the private key, the end-entity certificate and the CA certificates. Immutable.
/// </summary>
/// <remarks>
/// <para>Loading always verifies the MAC (SHA-1 and SHA-2 HMACs keyed by the PKCS#12 KDF, and RFC 9579 PBMAC1). An
/// absent and an empty password are tried as OpenSSL tries them: with no or an empty password the absent encoding is
/// tried first, then the empty BMPString. Encryption: PBES2 (PBKDF2 + AES-CBC, OpenSSL 3's default),
/// pbeWithSHAAnd3-KeyTripleDES-CBC, pbeWithSHAAnd2-KeyTripleDES-CBC, pbeWithSHAAnd128BitRC2-CBC and
/// pbeWithSHAAnd40BitRC2-CBC. Public-key privacy and integrity modes are not supported.</para>
/// <para>The end-entity certificate is the one whose localKeyID equals the key's; when no localKeyID pairs them, the
/// first certificate whose public key matches the key (OpenSSL 3's <c>X509_check_private_key</c> rule). All other
/// X.509 certificates are CA certificates; with no key, all certificates are (as in OpenSSL).</para>
/// <para>Every failure is a <see cref="Pkcs12Exception"/> with a typed <see cref="Pkcs12Exception.Reason"/>.</para>
/// </remarks>
public sealed class Pkcs12Archive
{
    internal Pkcs12Archive(Pkcs12Mac? mac, IReadOnlyList<Pkcs12SafeContents> safes)
    {
        Mac = mac;
        Safes = safes;
        var all = new List<Pkcs12Bag>();
        Flatten(safes, all);
        Bags = all.AsReadOnly();
        PrivateKeyBag = all.Find(b => b.PrivateKey is not null);
        CertificateBag = FindLeaf(all, PrivateKeyBag);
        var ca = new List<Certificate>();
        var crls = new List<CertificateRevocationList>();
        foreach (Pkcs12Bag bag in all)
        {
            if (bag.Certificate is not null && !ReferenceEquals(bag, CertificateBag))
            {
                ca.Add(bag.Certificate);
            }

            if (bag.Crl is not null)
            {
                crls.Add(bag.Crl);
            }
        }

        CaCertificates = ca.AsReadOnly();
        Crls = crls.AsReadOnly();
    }

    /// <summary>The MAC, or null when the file has none.</summary>
    public Pkcs12Mac? Mac { get; }

    /// <summary>The authenticated safe's entries in order.</summary>
    public IReadOnlyList<Pkcs12SafeContents> Safes { get; }

    /// <summary>Every bag, depth first in encoded order, nested safeContents bags followed by their children.</summary>
    public IReadOnlyList<Pkcs12Bag> Bags { get; }

    /// <summary>The first key bag, or null.</summary>
    public Pkcs12Bag? PrivateKeyBag { get; }

    /// <summary>The private key (the first key bag's, as OpenSSL takes the first), or null.</summary>
    public PrivateKey? PrivateKey => PrivateKeyBag?.PrivateKey;

    /// <summary>The end-entity certificate's bag, or null (see the remarks on how it is chosen).</summary>
    public Pkcs12Bag? CertificateBag { get; }

    /// <summary>The end-entity certificate, or null.</summary>
    public Certificate? Certificate => CertificateBag?.Certificate;

    /// <summary>The end-entity certificate's friendlyName (pyOpenSSL's <c>get_friendlyname</c>), or null.</summary>
    public string? FriendlyName => CertificateBag?.FriendlyName;

    /// <summary>Every other X.509 certificate, in encoded order.</summary>
    public IReadOnlyList<Certificate> CaCertificates { get; }

    /// <summary>The X.509 CRLs of crlBags, in encoded order.</summary>
    public IReadOnlyList<CertificateRevocationList> Crls { get; }

    /// <summary>Loads a PFX with a text password (UTF-8, the octets OpenSSL sees from <c>-passin pass:</c>).</summary>
    /// <param name="der">The PFX, DER or BER.</param>
    /// <param name="password">The password; null is an absent password; empty and absent are each tried as OpenSSL does.</param>
    /// <param name="options">Limits; null for <see cref="Pkcs12LoadOptions.Default"/>.</param>
    /// <returns>The archive.</returns>
    /// <exception cref="Pkcs12Exception">Malformed, unsupported, a wrong password, a MAC that does not verify, or undecodable contents.</exception>
    public static Pkcs12Archive Load(ReadOnlySpan<byte> der, string? password, Pkcs12LoadOptions? options = null) =>
        LoadWithOctets(der, password is null ? null : Encoding.UTF8.GetBytes(password), options);

    /// <summary>Loads a PFX with a password given as octets, passed to the KDFs as OpenSSL passes its bytes.</summary>
    /// <param name="der">The PFX, DER or BER.</param>
    /// <param name="password">The password octets; null for an absent password.</param>
    /// <param name="options">Limits; null for <see cref="Pkcs12LoadOptions.Default"/>.</param>
    /// <returns>The archive.</returns>
    /// <exception cref="Pkcs12Exception">As for <see cref="Load(ReadOnlySpan{byte}, string?, Pkcs12LoadOptions?)"/>.</exception>
    public static Pkcs12Archive LoadWithOctets(ReadOnlySpan<byte> der, byte[]? password, Pkcs12LoadOptions? options = null) =>
        new Pkcs12Decoder(CryptoProviders.Default, options ?? Pkcs12LoadOptions.Default).Load(der, password);

    /// <summary>
    /// Decodes the PFX envelope without a password and returns its MAC (null when it has none), so a caller can describe
    /// the MAC before verifying it, as <c>openssl pkcs12 -info</c> does.
    /// </summary>
    /// <param name="der">The PFX.</param>
    /// <returns>The MAC or null.</returns>
    /// <exception cref="Pkcs12Exception">The envelope is malformed or unsupported.</exception>
    public static Pkcs12Mac? ReadMac(ReadOnlySpan<byte> der) =>
        new Pkcs12Decoder(CryptoProviders.Default, Pkcs12LoadOptions.Default).ReadMac(der);

    private static void Flatten(IReadOnlyList<Pkcs12SafeContents> safes, List<Pkcs12Bag> all)
    {
        foreach (Pkcs12SafeContents safe in safes)
        {
            Flatten(safe.Bags, all);
        }
    }

    private static void Flatten(IReadOnlyList<Pkcs12Bag> bags, List<Pkcs12Bag> all)
    {
        foreach (Pkcs12Bag bag in bags)
        {
            all.Add(bag);
            Flatten(bag.Children, all);
        }
    }

    private static Pkcs12Bag? FindLeaf(List<Pkcs12Bag> all, Pkcs12Bag? keyBag)
    {
        if (keyBag?.PrivateKey is not PrivateKey key)
        {
            return null;
        }

        if (keyBag.LocalKeyId is ReadOnlyMemory<byte> keyId)
        {
            Pkcs12Bag? byId = all.Find(b => b.Certificate is not null && b.LocalKeyId is ReadOnlyMemory<byte> id && id.Span.SequenceEqual(keyId.Span));
            if (byId is not null)
            {
                return byId;
            }
        }

        return all.Find(b => b.Certificate is not null && b.Certificate.TryGetPublicKey(out PublicKey? pub, out _) && pub.Equals(key.PublicKey));
    }

    /// <summary>An empty bag list, shared.</summary>
    internal static IReadOnlyList<Pkcs12Bag> NoBags => ReadOnlyCollection<Pkcs12Bag>.Empty;
}
