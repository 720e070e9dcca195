using ManagedTls.Asn1;
using ManagedTls.Crypto;
using ManagedTls.Keys;
using ManagedTls.Random;
using ManagedTls.X509;

namespace ManagedTls.Pkcs.Pkcs12;

/// <summary>
/// Writes PKCS#12 archives the way OpenSSL's <c>PKCS12_create</c> lays them out: one safe with the certificates (the
/// end-entity certificate first, with friendlyName and localKeyID), encrypted unless the options say otherwise, then a
/// plain data safe with the (shrouded) key bag carrying the same attributes, then the MAC.
/// </summary>
public static class Pkcs12Builder
{
    /// <summary>Builds a PFX.</summary>
    /// <param name="privateKey">The private key, or null.</param>
    /// <param name="certificate">The end-entity certificate, or null; it must match <paramref name="privateKey"/> when both are given.</param>
    /// <param name="caCertificates">Further certificates, in order, or null.</param>
    /// <param name="friendlyName">The friendlyName of the key and the end-entity certificate, or null.</param>
    /// <param name="password">The password octets (UTF-8 for text); null for an absent password (OpenSSL's <c>NULL</c>).</param>
    /// <param name="options">Protection; null for <see cref="Pkcs12ExportOptions.Default"/>.</param>
    /// <returns>The DER of the PFX.</returns>
    /// <exception cref="ArgumentException">Nothing to export, or the key does not match the certificate.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A MAC iteration count below -1 or above the cap.</exception>
    public static byte[] Export(PrivateKey? privateKey, Certificate? certificate, IEnumerable<Certificate>? caCertificates, string? friendlyName, byte[]? password, Pkcs12ExportOptions? options = null)
    {
        options ??= Pkcs12ExportOptions.Default;
        List<Certificate> cas = caCertificates is null ? [] : [.. caCertificates];
        if (privateKey is null && certificate is null && cas.Count == 0)
        {
            throw new ArgumentException("Nothing to export: no key, no certificate and no CA certificates (OpenSSL: invalid null argument).");
        }

        if (cas.Exists(c => c is null))
        {
            throw new ArgumentException("A CA certificate is null.", nameof(caCertificates));
        }

        if (privateKey is not null && certificate is not null
            && !(certificate.TryGetPublicKey(out PublicKey? certKey, out _) && certKey.Equals(privateKey.PublicKey)))
        {
            throw new ArgumentException("The private key does not match the certificate's public key (OpenSSL: key values mismatch).", nameof(privateKey));
        }

        if (options.MacIterationCount < -1 || options.MacIterationCount > PbeParameters.MaxIterationCount)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MacIterationCount, "The MAC iteration count must be -1 (no MAC) or 0..10,000,000.");
        }

        if (!Pkcs12Mac.IsKdfDigest(options.MacAlgorithm))
        {
            throw new ArgumentException($"{options.MacAlgorithm} cannot key a PKCS#12 MAC.", nameof(options));
        }

        ICryptoProvider provider = CryptoProviders.Default;
        Pkcs12Password pass = Pkcs12Password.From(password, password is null);
        byte[] keyId = privateKey is not null && certificate is not null ? certificate.GetDigest(HashAlgorithmId.Sha1) : [];
        byte[] authSafe = WriteAuthenticatedSafe(provider, pass, privateKey, certificate, cas, friendlyName, keyId, options);

        using var writer = new DerWriter();
        using (writer.PushSequence())
        {
            writer.WriteInteger(3);
            WriteData(writer, authSafe);
            if (options.MacIterationCount != -1)
            {
                byte[] salt = new byte[options.MacSaltLength];
                SecureRandomSource.Fill(salt);
                Pkcs12Mac.Create(provider, options.MacAlgorithm, pass, authSafe, salt, Math.Max(1, options.MacIterationCount)).Encode(writer);
            }
        }

        return writer.ToArray();
    }

    private static byte[] WriteAuthenticatedSafe(ICryptoProvider provider, Pkcs12Password pass, PrivateKey? key, Certificate? certificate, List<Certificate> cas, string? name, byte[] keyId, Pkcs12ExportOptions options)
    {
        using var writer = new DerWriter();
        using (writer.PushSequence())
        {
            if (certificate is not null || cas.Count > 0)
            {
                byte[] certs = WriteSafeContents(w =>
                {
                    if (certificate is not null)
                    {
                        WriteCertBag(w, certificate, name, keyId);
                    }

                    foreach (Certificate ca in cas)
                    {
                        WriteCertBag(w, ca, null, []);
                    }
                });
                if (options.CertificateEncryption is null)
                {
                    WriteData(writer, certs);
                }
                else
                {
                    WriteEncryptedData(writer, provider, pass, options.CertificateEncryption, certs);
                }
            }

            if (key is not null)
            {
                WriteData(writer, WriteSafeContents(w => WriteKeyBag(w, provider, pass, key, name, keyId, options.KeyEncryption)));
            }
        }

        return writer.ToArray();
    }

    private static byte[] WriteSafeContents(Action<DerWriter> bags)
    {
        using var writer = new DerWriter();
        using (writer.PushSequence())
        {
            bags(writer);
        }

        return writer.ToArray();
    }

    private static void WriteCertBag(DerWriter writer, Certificate certificate, string? name, byte[] keyId)
    {
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(Pkcs12Oids.CertBag);
            using (writer.PushExplicit(0))
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier(Pkcs12Oids.X509Certificate);
                using (writer.PushExplicit(0))
                {
                    writer.WriteOctetString(certificate.RawData.Span);
                }
            }

            Pkcs12Attributes.Write(writer, name, keyId);
        }
    }

    private static void WriteKeyBag(DerWriter writer, ICryptoProvider provider, Pkcs12Password pass, PrivateKey key, string? name, byte[] keyId, PbeParameters? encryption)
    {
        byte[] pkcs8 = KeyEncoder.EncodePkcs8(key);
        try
        {
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier(encryption is null ? Pkcs12Oids.KeyBag : Pkcs12Oids.ShroudedKeyBag);
                using (writer.PushExplicit(0))
                {
                    if (encryption is null)
                    {
                        writer.WriteEncodedValue(pkcs8);
                    }
                    else
                    {
                        PbeScheme scheme = PbeScheme.ForEncryption(encryption);
                        byte[] ciphertext = pass.Encrypt(provider, scheme, pkcs8);
                        new EncryptedPrivateKeyInfoAsn(scheme, ciphertext).Encode(writer);
                    }
                }

                Pkcs12Attributes.Write(writer, name, keyId);
            }
        }
        finally
        {
            SecretMemory.Zero(pkcs8);
        }
    }

    /// <summary>ContentInfo { data, [0] EXPLICIT OCTET STRING }.</summary>
    private static void WriteData(DerWriter writer, ReadOnlySpan<byte> content)
    {
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(Pkcs12Oids.Data);
            using (writer.PushExplicit(0))
            {
                writer.WriteOctetString(content);
            }
        }
    }

    /// <summary>ContentInfo { encryptedData, [0] EXPLICIT EncryptedData { 0, { data, algorithm, [0] IMPLICIT ciphertext } } }.</summary>
    private static void WriteEncryptedData(DerWriter writer, ICryptoProvider provider, Pkcs12Password pass, PbeParameters parameters, byte[] plaintext)
    {
        PbeScheme scheme = PbeScheme.ForEncryption(parameters);
        byte[] ciphertext = pass.Encrypt(provider, scheme, plaintext);
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(Pkcs12Oids.EncryptedData);
            using (writer.PushExplicit(0))
            using (writer.PushSequence())
            {
                writer.WriteInteger(0);
                using (writer.PushSequence())
                {
                    writer.WriteObjectIdentifier(Pkcs12Oids.Data);
                    scheme.Encode(writer);
                    writer.WriteOctetString(ciphertext, Asn1Tag.Context(0, false));
                }
            }
        }
    }
}
