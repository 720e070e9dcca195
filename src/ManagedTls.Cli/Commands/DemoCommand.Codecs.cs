using ManagedTls.Asn1;
using ManagedTls.Keys;
using ManagedTls.Pem;
using ManagedTls.Pkcs;

namespace ManagedTls.Cli;

/// <summary>Demo steps for the codecs and the key layer, on an embedded P-256 key and its self-signed certificate.</summary>
internal sealed partial class DemoCommand
{
    // Made with (see vectors/README.md):
    //   openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out key.pem
    //   openssl req -x509 -new -key key.pem -subj "/C=US/O=ManagedTls/CN=demo.managedtls.test" \
    //     -addext "subjectAltName=DNS:demo.managedtls.test" -days 3650 -sha256 -out cert.pem
    private const string SampleKeyPem = """
        -----BEGIN PRIVATE KEY-----
        MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgNCArmIC9Nf2mT1Ev
        bWBeL7LWxCghnx+I+U7hJFpzkGuhRANCAASnZpWy0bg3DELmC/EXE+pFWrMV/KjW
        79IdVwef1VqO++69DbGLz4+OuvHfuCoZUaDuV2E9riHTkqOusmzZaVKi
        -----END PRIVATE KEY-----

        """;

    private const string SampleCertificatePem = """
        -----BEGIN CERTIFICATE-----
        MIIB9zCCAZ6gAwIBAgIUW11acMV3PmXm8LaYkflJ5FHIMO4wCgYIKoZIzj0EAwIw
        QTELMAkGA1UEBhMCVVMxEzARBgNVBAoMCk1hbmFnZWRUbHMxHTAbBgNVBAMMFGRl
        bW8ubWFuYWdlZHRscy50ZXN0MB4XDTI2MTEyMzExNDgyOFoXDTM2MTEyMDExNDgy
        OFowQTELMAkGA1UEBhMCVVMxEzARBgNVBAoMCk1hbmFnZWRUbHMxHTAbBgNVBAMM
        FGRlbW8ubWFuYWdlZHRscy50ZXN0MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE
        p2aVstG4NwxC5gvxFxPqRVqzFfyo1u/SHVcHn9VajvvuvQ2xi8+Pjrrx37gqGVGg
        7ldhPa4h05KjrrJs2WlSoqN0MHIwHQYDVR0OBBYEFNk0+vpntsDseiKd9J9BlDv4
        2vucMB8GA1UdIwQYMBaAFNk0+vpntsDseiKd9J9BlDv42vucMA8GA1UdEwEB/wQF
        MAMBAf8wHwYDVR0RBBgwFoIUZGVtby5tYW5hZ2VkdGxzLnRlc3QwCgYIKoZIzj0E
        AwIDRwAwRAIgfBABVMAD2klvOpEtvTv6SCCdTtqcAWE7I5FcjsKLSfkCIBY81tcA
        hxW4PEmEkx1EdgO0mrigWqLoHupDCIum9phy
        -----END CERTIFICATE-----

        """;

    /// <summary>The element count <c>openssl asn1parse</c> prints for the sample certificate (one line per element).</summary>
    private const int SampleCertificateElements = 59;

    private static IEnumerable<DemoStep> CodecSteps =>
    [
        new("PEM + DER: walk, re-encode a certificate", CertificateWalkStep),
        new("OID registry: signature algorithm name", OidStep),
        new("keys: PKCS#8 -> SEC1 -> SPKI, matches cert", KeyEncodingStep),
        new("PBES2 encrypt/decrypt (AES-256, PBKDF2)", PbeStep),
        new("key text (openssl pkey -text layout)", KeyTextStep),
    ];

    private static byte[] SampleCertificateDer => PemReader.ReadFirst(System.Text.Encoding.ASCII.GetBytes(SampleCertificatePem), PemLabels.Certificate).Data.ToArray();

    private static PrivateKey SampleKey => KeyDecoder.DecodePrivateKey(System.Text.Encoding.ASCII.GetBytes(SampleKeyPem));

    private static void CertificateWalkStep()
    {
        byte[] der = SampleCertificateDer;
        using var writer = new DerWriter();
        var reader = new DerReader(der);
        int elements = Copy(ref reader, writer);
        Require(elements == SampleCertificateElements, $"walked {elements} elements, openssl asn1parse shows {SampleCertificateElements}");
        Require(writer.ToArray().AsSpan().SequenceEqual(der), "re-encoding changed the certificate");
    }

    /// <summary>Copies every element of <paramref name="reader"/> into <paramref name="writer"/>; returns the element count.</summary>
    private static int Copy(ref DerReader reader, DerWriter writer)
    {
        int count = 0;
        while (reader.HasData)
        {
            Asn1Header header = reader.PeekHeader();
            count++;
            if (header.Tag.IsConstructed)
            {
                DerReader child = reader.ReadSequence(header.Tag);
                using (writer.PushSequence(header.Tag))
                {
                    count += Copy(ref child, writer);
                }
            }
            else
            {
                writer.WritePrimitive(header.Tag, reader.ReadContent(out _));
            }
        }

        return count;
    }

    private static void OidStep()
    {
        var certificate = new DerReader(SampleCertificateDer).ReadSequence();
        certificate.ReadEncodedValue(); // TBSCertificate
        DerReader algorithm = certificate.ReadSequence();
        string name = OidRegistry.GetDisplayName(algorithm.ReadObjectIdentifierBytes());
        Require(name == "ecdsa-with-SHA256", $"signature algorithm named '{name}'");
    }

    private static void KeyEncodingStep()
    {
        PrivateKey key = SampleKey;
        PrivateKey again = KeyDecoder.DecodePrivateKey(KeyEncoder.EncodeTraditional(key)); // SEC1 "EC PRIVATE KEY"
        Require(again.PublicKey.Equals(key.PublicKey), "SEC1 round trip changed the key");

        var certificate = new DerReader(SampleCertificateDer).ReadSequence();
        DerReader tbs = certificate.ReadSequence();
        tbs.ReadEncodedValue(); // [0] version
        tbs.ReadEncodedValue(); // serialNumber
        tbs.ReadEncodedValue(); // signature
        tbs.ReadEncodedValue(); // issuer
        tbs.ReadEncodedValue(); // validity
        tbs.ReadEncodedValue(); // subject
        ReadOnlySpan<byte> spki = tbs.ReadEncodedValue();
        Require(spki.SequenceEqual(KeyEncoder.EncodeSubjectPublicKeyInfo(key.PublicKey)), "key's SPKI differs from the certificate's");
    }

    private static void PbeStep()
    {
        byte[] pkcs8 = KeyEncoder.EncodePkcs8(SampleKey);
        byte[] encrypted = EncryptedPrivateKeyInfo.Encrypt(pkcs8, "demo passphrase");
        byte[] decrypted = EncryptedPrivateKeyInfo.Decrypt(encrypted, "demo passphrase");
        Require(decrypted.AsSpan().SequenceEqual(pkcs8), "decryption did not give back the PrivateKeyInfo");
        try
        {
            EncryptedPrivateKeyInfo.Decrypt(encrypted, "wrong passphrase");
            throw new DemoFailure("a wrong passphrase was accepted");
        }
        catch (PbeException e) when (e.Reason == PbeError.BadDecrypt)
        {
            // expected: OpenSSL's "bad decrypt"
        }
    }

    private static void KeyTextStep()
    {
        string text = KeyTextFormatter.FormatPrivateKey(SampleKey);
        Require(text.StartsWith("Private-Key: (256 bit)\npriv:\n", StringComparison.Ordinal), "unexpected header");
        Require(text.EndsWith("ASN1 OID: prime256v1\nNIST CURVE: P-256\n", StringComparison.Ordinal), "unexpected curve lines");
    }

    private static void Require(bool condition, string failure)
    {
        if (!condition)
        {
            throw new DemoFailure(failure);
        }
    }
}
