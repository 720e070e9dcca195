using System.Diagnostics;
using ManagedTls.Asn1;
using ManagedTls.Keys;
using ManagedTls.Pem;
using ManagedTls.Signatures;
using ManagedTls.X509;

namespace ManagedTls.Tests.X509;

/// <summary>
/// Truncation and mutation of CRLs: decoding fails only with <see cref="X509FormatException"/>, everything derived
/// from an accepted CRL works or fails with its documented exception, and nothing hangs.
/// </summary>
public sealed class CertificateRevocationListRobustnessTests
{
    // openssl ca -gencrl over a P-256 CA (vectors/README.md): v2 with cRLNumber, AKI and issuerAltName, three entries
    // (keyCompromise; keyCompromise + invalidityDate; certificateHold + holdInstructionCode); and v1 with two entries.
    private const string V2Crl = """
        -----BEGIN X509 CRL-----
        MIIB2TCCAX8CAQEwCgYIKoZIzj0EAwIwLDETMBEGA1UECgwKUm91bmQgVHJpcDEV
        MBMGA1UEAwwMcmItdjIgaXNzdWVyFw0yNjExMjMxMzU0MjFaFw0yNjEyMjMxMzU0
        MjFaMIHLMEUCFAVgKIb36tZSk7wS+JEBBpMRKvlLFw0yNjExMjMxMzU0MjFaMB4w
        CgYDVR0VBAMKAQYwEAYDVR0XBAkGByqGSM44AgMwMwIUGPi3cDGbfXQ9R5+KvtJQ
        96IHH4sXDTI2MTEyMzEzNTQyMVowDDAKBgNVHRUEAwoBATBNAhQzdpm31rbW4pHJ
        yptw2YfesDOpzhcNMjYxMTIzMTM1NDIxWjAmMAoGA1UdFQQDCgEBMBgGA1UdGAQR
        GA8yMDI2MDEwMTEyMDAwMFqgVDBSMB8GA1UdIwQYMBaAFP6sa1+PwO4cRMh+iDzx
        hYRglXgKMCIGA1UdEgQbMBmGF2h0dHA6Ly9jYS5leGFtcGxlLnRlc3QvMAsGA1Ud
        FAQEAgIQADAKBggqhkjOPQQDAgNIADBFAiBz7Tq+xMMuejcZkjmwj4anzo1KnyQE
        n5JD9NZkkhUjUAIhANivM5zo72oRd1cp/oWy4BKFBTeNaAuB/+l6IVyn9Kcd
        -----END X509 CRL-----
        """;

    private const string V2Issuer = """
        -----BEGIN CERTIFICATE-----
        MIIBrTCCAVOgAwIBAgIUaHFFlDG+jg9ncMVxYFJf5MOnQs0wCgYIKoZIzj0EAwIw
        LDETMBEGA1UECgwKUm91bmQgVHJpcDEVMBMGA1UEAwwMcmItdjIgaXNzdWVyMB4X
        DTI2MTEyMzEzNTQyMVoXDTM2MTEyMDEzNTQyMVowLDETMBEGA1UECgwKUm91bmQg
        VHJpcDEVMBMGA1UEAwwMcmItdjIgaXNzdWVyMFkwEwYHKoZIzj0CAQYIKoZIzj0D
        AQcDQgAEAEESj0J6Bil7hKioFj5YKCGk8BM5I6TYtQ+gGdx5W5qWuwwXDOvKk7Rm
        Kgt3s2YE3y9JR26Z/ekG010pgBMEyKNTMFEwHQYDVR0OBBYEFP6sa1+PwO4cRMh+
        iDzxhYRglXgKMB8GA1UdIwQYMBaAFP6sa1+PwO4cRMh+iDzxhYRglXgKMA8GA1Ud
        EwEB/wQFMAMBAf8wCgYIKoZIzj0EAwIDSAAwRQIgJYwtUp7IGDTjNXX+e/+ZuSlz
        QIldsUbFRcsnMBV9l68CIQDSbTpv6EVHEkHYQL/Tbw6+ohx5ENVr9yIirCu0Ny9E
        aA==
        -----END CERTIFICATE-----
        """;

    private const string V1Crl = """
        -----BEGIN X509 CRL-----
        MIIBAjCBqDAKBggqhkjOPQQDAjAsMRMwEQYDVQQKDApSb3VuZCBUcmlwMRUwEwYD
        VQQDDAxyYi12MSBpc3N1ZXIXDTI2MTEyMzEzNTQyMVoXDTI2MTIyMzEzNTQyMVow
        TjAlAhRJRuZ+6dUvkofSsIKtEb5wooiK+BcNMjYxMTIzMTM1NDIxWjAlAhR1FPbu
        Bb2qe+0uc9JdtPpJfsWorBcNMjYxMTIzMTM1NDIxWjAKBggqhkjOPQQDAgNJADBG
        AiEAqVszCnLAEE1v/d5kpYrJA89mHzlf9vK0Wbijho0k77ECIQCKrkgAOZtQ63HV
        9eTotMtLTBcY3om0Xk2O93gHXqE4YQ==
        -----END X509 CRL-----
        """;

    private const string V1Issuer = """
        -----BEGIN CERTIFICATE-----
        MIIBrDCCAVOgAwIBAgIUeoI3B1if92JaINpxUUkMRjS2aE4wCgYIKoZIzj0EAwIw
        LDETMBEGA1UECgwKUm91bmQgVHJpcDEVMBMGA1UEAwwMcmItdjEgaXNzdWVyMB4X
        DTI2MTEyMzEzNTQyMVoXDTM2MTEyMDEzNTQyMVowLDETMBEGA1UECgwKUm91bmQg
        VHJpcDEVMBMGA1UEAwwMcmItdjEgaXNzdWVyMFkwEwYHKoZIzj0CAQYIKoZIzj0D
        AQcDQgAEAEESj0J6Bil7hKioFj5YKCGk8BM5I6TYtQ+gGdx5W5qWuwwXDOvKk7Rm
        Kgt3s2YE3y9JR26Z/ekG010pgBMEyKNTMFEwHQYDVR0OBBYEFP6sa1+PwO4cRMh+
        iDzxhYRglXgKMB8GA1UdIwQYMBaAFP6sa1+PwO4cRMh+iDzxhYRglXgKMA8GA1Ud
        EwEB/wQFMAMBAf8wCgYIKoZIzj0EAwIDRwAwRAIgGyNtjOjv8J0nLpKGFRUTAVGH
        8FjeE6GD5YqNMPn85moCIH+7GGuzDZSSfrksthCI9HUsqMRfSZQykehj5Acvi2+Q
        -----END CERTIFICATE-----
        """;

    public static TheoryData<string> Samples => new() { "v2 with entries", "v1 with entries" };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Decode_Sample_ValidAsMade(string sample)
    {
        (byte[] der, PublicKey issuerKey) = Sample(sample);

        CertificateRevocationList crl = CertificateRevocationList.Decode(der);

        crl.VerifySignature(issuerKey).ShouldBeTrue();
        crl.RevokedCertificates.Count.ShouldBe(sample.StartsWith("v2", StringComparison.Ordinal) ? 3 : 2);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Decode_EveryProperPrefix_ThrowsX509FormatException(string sample)
    {
        byte[] der = Sample(sample).Der;

        for (int length = 0; length < der.Length; length++)
        {
            byte[] prefix = der[..length];
            Should.Throw<X509FormatException>(() => CertificateRevocationList.Decode(prefix), $"prefix of {length} bytes")
                .Reason.ShouldBe(X509FormatError.MalformedDer);
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Decode_TrailingByte_ThrowsX509FormatException(string sample)
    {
        byte[] der = [.. Sample(sample).Der, 0x00];

        Should.Throw<X509FormatException>(() => CertificateRevocationList.Decode(der)).Reason.ShouldBe(X509FormatError.MalformedDer);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Decode_RandomMutations_OnlyDocumentedExceptionsInBoundedTime(string sample)
    {
        (byte[] der, PublicKey issuerKey) = Sample(sample);
        var random = new System.Random(sample.Length * 104729);
        int accepted = 0;
        TimeSpan slowest = TimeSpan.Zero;
        for (int round = 0; round < 3000; round++)
        {
            byte[] mutated = Mutate(der, random);
            long started = Stopwatch.GetTimestamp();
            try
            {
                CertificateRevocationList crl = CertificateRevocationList.Decode(mutated);
                accepted++;
                Exercise(crl, issuerKey, verify: round % 10 == 0);
            }
            catch (X509FormatException)
            {
            }

            TimeSpan elapsed = Stopwatch.GetElapsedTime(started);
            slowest = elapsed > slowest ? elapsed : slowest;
        }

        accepted.ShouldBeGreaterThan(0);
        slowest.ShouldBeLessThan(TimeSpan.FromSeconds(2), "no single mutated CRL may take long (no hang, no blow-up)");
    }

    // Everything derived from an accepted CRL must work, or fail only as documented.
    private static void Exercise(CertificateRevocationList crl, PublicKey issuerKey, bool verify)
    {
        _ = crl.Issuer.ToString() + crl.Issuer.ToOneLineString() + crl.Issuer.Format(X509NameFormatFlags.Rfc2253) + crl.ToPem() + crl;
        _ = crl.IssuerNameHash ^ crl.Issuer.OpenSslHashOld;
        _ = OpenSslText.FormatTime(crl.ThisUpdate) + crl.SignatureAlgorithm.Name + crl.TbsSignatureAlgorithm.Name;
        foreach (X509Extension extension in crl.Extensions)
        {
            _ = extension.ToOpenSslString(4) + extension;
        }

        Swallow(() => crl.GetCrlNumber());
        foreach (RevokedCertificate entry in crl.RevokedCertificates)
        {
            _ = entry.ToString() + entry.SerialNumberValue;
            crl.FindRevoked(entry.SerialNumber.Span).ShouldNotBeNull();
            Swallow(() => entry.GetReasonCode());
            foreach (X509Extension extension in entry.Extensions)
            {
                _ = extension.ToOpenSslString(4) + extension;
            }
        }

        if (!verify)
        {
            return;
        }

        // Signature checks are slow; every tenth accepted mutation is enough to show they only throw as documented.
        try
        {
            crl.VerifySignature(issuerKey);
        }
        catch (Exception e) when (e is SignatureException or KeyFormatException or DecodeException)
        {
        }
    }

    private static void Swallow(Action view)
    {
        try
        {
            view();
        }
        catch (X509FormatException)
        {
        }
    }

    private static byte[] Mutate(byte[] der, System.Random random)
    {
        byte[] mutated = (byte[])der.Clone();
        int edits = 1 + random.Next(4);
        for (int i = 0; i < edits; i++)
        {
            int at = random.Next(mutated.Length);
            mutated[at] = random.Next(3) switch
            {
                0 => (byte)random.Next(256),
                1 => (byte)(mutated[at] ^ (1 << random.Next(8))),
                _ => (byte)(mutated[at] + 1),
            };
        }

        return mutated;
    }

    private static (byte[] Der, PublicKey IssuerKey) Sample(string sample)
    {
        bool v2 = sample.StartsWith("v2", StringComparison.Ordinal);
        byte[] der = PemReader.ReadFirst(v2 ? V2Crl : V1Crl, PemLabels.X509Crl).Data.ToArray();
        PublicKey key = Certificate.Load(System.Text.Encoding.ASCII.GetBytes(v2 ? V2Issuer : V1Issuer)).GetPublicKey();
        return (der, key);
    }
}
