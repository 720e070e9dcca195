using ManagedTls.Asn1;
using ManagedTls.Crypto;
using ManagedTls.Keys;
using ManagedTls.X509;

namespace ManagedTls.Cli;

/// <summary>
/// The key identifiers OpenSSL 3.0's <c>do_X509_sign</c> adds to a certificate that has extensions
/// (<c>adapt_keyid_ext</c>): subjectKeyIdentifier <c>hash</c> when missing, and, unless the certificate is
/// self-signed, authorityKeyIdentifier <c>keyid, issuer</c>; an identifier configured as <c>none</c> is removed.
/// </summary>
internal static class KeyIdentifiers
{
    /// <summary>The RFC 5280 §4.2.1.2 method 1 identifier: SHA-1 of the subjectPublicKey BIT STRING content.</summary>
    /// <param name="spki">The SubjectPublicKeyInfo DER.</param>
    /// <returns>The 20-byte identifier.</returns>
    public static byte[] Hash(ReadOnlySpan<byte> spki)
    {
        var reader = new DerReader(spki);
        DerReader sequence = reader.ReadSequence();
        sequence.ReadEncodedValue();
        return HashAlgorithms.HashData(HashAlgorithmId.Sha1, sequence.ReadBitString(out _));
    }

    /// <summary>Adds or removes the default identifiers as <c>do_X509_sign</c> does.</summary>
    /// <param name="extensions">The certificate's extensions (modified).</param>
    /// <param name="subjectKey">The certificate's public key.</param>
    /// <param name="issuer">The issuer certificate (null when self-issued).</param>
    /// <param name="selfSigned">True when the signing key is the subject's own.</param>
    public static void AdaptDefaults(IList<X509Extension> extensions, PublicKey subjectKey, Certificate? issuer, bool selfSigned)
    {
        if (!Adapt(extensions, Oids.SubjectKeyIdentifier))
        {
            extensions.Add(SubjectKeyIdentifierExtension(subjectKey));
        }

        if (!Adapt(extensions, Oids.AuthorityKeyIdentifier) && !selfSigned)
        {
            X509Extension? akid = DefaultAuthorityKeyIdentifier(issuer);
            if (akid is not null)
            {
                extensions.Add(akid);
            }
        }
    }

    /// <summary>A signed copy of <paramref name="builder"/> as it stands, standing in for the certificate being built.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="signer">The signing key.</param>
    /// <returns>The provisional certificate.</returns>
    public static Certificate Provisional(CertificateBuilder builder, PrivateKey signer)
    {
        var copy = new CertificateBuilder
        {
            Version = 3,
            SerialNumber = builder.SerialNumber,
            Issuer = builder.Issuer,
            Subject = builder.Subject,
            NotBefore = builder.NotBefore,
            NotAfter = builder.NotAfter,
            PublicKey = builder.PublicKey,
            SubjectPublicKeyInfo = builder.SubjectPublicKeyInfo,
        };
        foreach (X509Extension extension in builder.Extensions)
        {
            copy.Extensions.Add(extension);
        }

        return copy.Sign(signer);
    }

    /// <summary>A subjectKeyIdentifier extension with the hash of <paramref name="key"/>.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The extension.</returns>
    public static X509Extension SubjectKeyIdentifierExtension(PublicKey key)
    {
        using var writer = new DerWriter();
        writer.WriteOctetString(Hash(KeyEncoder.EncodeSubjectPublicKeyInfo(key)));
        return new X509Extension(Oids.SubjectKeyIdentifier, false, writer.ToArray());
    }

    // "keyid, issuer": the issuer certificate's own subjectKeyIdentifier, else its issuer name and serial.
    private static X509Extension? DefaultAuthorityKeyIdentifier(Certificate? issuer)
    {
        if (issuer is null)
        {
            return null;
        }

        using var writer = new DerWriter();
        using (writer.PushSequence())
        {
            if (issuer.FindExtension(Oids.SubjectKeyIdentifier) is { } skid)
            {
                var reader = new DerReader(skid.Value.Span);
                writer.WriteOctetString(reader.ReadOctetString(), Asn1Tag.Context(0, false));
            }
            else
            {
                using (writer.PushSequence(Asn1Tag.Context(1, true)))
                using (writer.PushExplicit(4))
                {
                    issuer.Issuer.Encode(writer);
                }

                writer.WriteInteger(issuer.SerialNumber.Span, Asn1Tag.Context(2, false));
            }
        }

        return new X509Extension(Oids.AuthorityKeyIdentifier, false, writer.ToArray());
    }

    // True when present; a "none" marker (value of at most 2 octets) is removed.
    private static bool Adapt(IList<X509Extension> extensions, string oid)
    {
        for (int i = 0; i < extensions.Count; i++)
        {
            if (extensions[i].Oid == oid)
            {
                if (extensions[i].Value.Length <= 2)
                {
                    extensions.RemoveAt(i);
                }

                return true;
            }
        }

        return false;
    }
}
