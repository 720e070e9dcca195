using System.Collections.ObjectModel;
using ManagedTls.Keys;
using ManagedTls.X509;

namespace ManagedTls.Pkcs.Pkcs12;

/// <summary>
/// One SafeBag of a PKCS#12 archive (RFC 7292 §4.2), decrypted and decoded, with its attributes. Immutable. Bags of
/// kinds ManagedTls does not interpret (secrets, non-X.509 certificates and CRLs, unknown bag types) keep their raw
/// value so nothing is lost.
/// </summary>
public sealed class Pkcs12Bag
{
    internal Pkcs12Bag(string bagOid, IReadOnlyList<X509Attribute> attributes)
    {
        BagOid = bagOid;
        Kind = Pkcs12Oids.KindOf(bagOid);
        Attributes = attributes;
        foreach (X509Attribute attribute in attributes)
        {
            if (attribute.Oid == Pkcs12Oids.FriendlyName && FriendlyName is null && attribute.Values.Count > 0)
            {
                FriendlyName = Pkcs12Attributes.DecodeFriendlyName(attribute.Values[0].Span);
            }
            else if (attribute.Oid == Pkcs12Oids.LocalKeyId && LocalKeyId is null && attribute.Values.Count > 0)
            {
                LocalKeyId = Pkcs12Attributes.DecodeOctetString(attribute.Values[0].Span);
            }
        }
    }

    /// <summary>The bag type.</summary>
    public Pkcs12BagKind Kind { get; }

    /// <summary>The bagId OID.</summary>
    public string BagOid { get; }

    /// <summary>The bagAttributes, in encoded order (empty when the field is absent).</summary>
    public IReadOnlyList<X509Attribute> Attributes { get; }

    /// <summary>Whether the bagAttributes field was present (OpenSSL prints "&lt;No Attributes&gt;" when not).</summary>
    public bool HasAttributesField { get; init; }

    /// <summary>The friendlyName attribute (PKCS#9, a BMPString), or null.</summary>
    public string? FriendlyName { get; }

    /// <summary>The localKeyID attribute's octets, or null.</summary>
    public ReadOnlyMemory<byte>? LocalKeyId { get; }

    /// <summary>For key bags, the private key.</summary>
    public PrivateKey? PrivateKey { get; init; }

    /// <summary>For key bags, the PKCS#8 attributes (null when the PrivateKeyInfo has no attributes field).</summary>
    public IReadOnlyList<X509Attribute>? KeyAttributes { get; init; }

    /// <summary>For a shrouded key bag, its encryption as <c>openssl pkcs12 -info</c> describes it.</summary>
    public string? KeyEncryption { get; init; }

    /// <summary>For an X.509 certificate bag, the certificate.</summary>
    public Certificate? Certificate { get; init; }

    /// <summary>For an X.509 CRL bag, the CRL.</summary>
    public CertificateRevocationList? Crl { get; init; }

    /// <summary>certId, crlId or secretTypeId: the type of the bag's value (null for key, nested and unknown bags).</summary>
    public string? ValueTypeOid { get; init; }

    /// <summary>
    /// The bag's value undecoded: the certificate or CRL octets, the secret's encoding, the whole bagValue for unknown
    /// bags, the EncryptedPrivateKeyInfo for a shrouded key; empty for nested SafeContents.
    /// </summary>
    public ReadOnlyMemory<byte> RawValue { get; init; }

    /// <summary>For a safeContents bag, the nested bags; empty otherwise.</summary>
    public IReadOnlyList<Pkcs12Bag> Children { get; init; } = ReadOnlyCollection<Pkcs12Bag>.Empty;

    /// <inheritdoc/>
    public override string ToString() => FriendlyName is null ? Kind.ToString() : $"{Kind} \"{FriendlyName}\"";
}
