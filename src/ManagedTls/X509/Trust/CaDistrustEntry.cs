using ManagedTls.Crypto;

namespace ManagedTls.X509.Trust;

/// <summary>
/// An NSS trust object with no certificate object beside it: a certificate named only by issuer and serial number
/// (and usually its SHA-1 hash), typically one Mozilla distrusts explicitly (mis-issued or compromised CAs).
/// </summary>
public sealed class CaDistrustEntry
{
    private readonly byte[] _serial;
    private readonly byte[]? _sha1;

    /// <summary>Creates an entry.</summary>
    /// <param name="label">The <c>CKA_LABEL</c>.</param>
    /// <param name="issuer">The issuer Name (<c>CKA_ISSUER</c>).</param>
    /// <param name="serialNumber">The serial number's INTEGER content octets (from <c>CKA_SERIAL_NUMBER</c>).</param>
    /// <param name="certificateSha1">The certificate's SHA-1 (<c>CKA_CERT_SHA1_HASH</c>), or null when absent.</param>
    /// <param name="trust">The per-purpose trust levels.</param>
    public CaDistrustEntry(string label, DistinguishedName issuer, ReadOnlySpan<byte> serialNumber, byte[]? certificateSha1, CaTrust trust)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(issuer);
        Label = label;
        Issuer = issuer;
        _serial = serialNumber.ToArray();
        _sha1 = certificateSha1 is null ? null : (byte[])certificateSha1.Clone();
        Trust = trust;
    }

    /// <summary>The <c>CKA_LABEL</c>.</summary>
    public string Label { get; }

    /// <summary>The issuer Name of the certificate this entry names.</summary>
    public DistinguishedName Issuer { get; }

    /// <summary>The serial number's INTEGER content octets.</summary>
    public ReadOnlyMemory<byte> SerialNumber => _serial;

    /// <summary>The certificate's SHA-1 hash, when the trust object carried one.</summary>
    public ReadOnlyMemory<byte>? CertificateSha1 => _sha1;

    /// <summary>The per-purpose trust levels.</summary>
    public CaTrust Trust { get; }

    /// <summary>The purposes this entry distrusts explicitly.</summary>
    public TrustPurpose DistrustedPurposes => Trust.DistrustedPurposes;

    /// <summary>Whether <paramref name="certificate"/> is the one this entry names (issuer and serial, and SHA-1 when known).</summary>
    /// <param name="certificate">A certificate.</param>
    /// <returns>True on a match.</returns>
    public bool Matches(Certificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        if (!certificate.SerialNumber.Span.SequenceEqual(_serial) || !certificate.Issuer.Equals(Issuer))
        {
            return false;
        }

        return _sha1 is null || certificate.GetDigest(HashAlgorithmId.Sha1).AsSpan().SequenceEqual(_sha1);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Label} (distrusted: {DistrustedPurposes})";
}
