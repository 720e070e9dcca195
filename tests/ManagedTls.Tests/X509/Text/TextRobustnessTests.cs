using System.Numerics;
using ManagedTls.Tests.Asn1;
using ManagedTls.X509;
using static ManagedTls.Tests.X509.Text.CraftedDer;

namespace ManagedTls.Tests.X509.Text;

/// <summary>
/// The mutation approach of <see cref="CertificateRobustnessTests"/> run through the text dumps: whatever
/// <c>Decode</c> accepts, <c>ToText</c> prints without throwing.
/// </summary>
public sealed class TextRobustnessTests
{
    private const int Rounds = 3000;

    public static TheoryData<string> CertificateSamples => ["crafted everything", "crafted pss", "crafted dsa", "system RSA", "system EC"];

    public static TheoryData<string> OtherSamples => ["request", "crl"];

    [SkippableTheory]
    [MemberData(nameof(CertificateSamples))]
    public void ToText_MutatedCertificates_NeverThrows(string sample)
    {
        byte[] der = sample switch
        {
            "crafted everything" => Certificate(
                serial: Int(-BigInteger.Pow(2, 70)),
                issuerUniqueId: [1, 2, 3],
                subjectUniqueId: [4, 5],
                extensions:
                [
                    Extension("2.5.29.19", true, Seq(Tlv(0x01, [0xFF]), Int(3))),
                    Extension("2.5.29.15", null, [0x03, 0x02, 0x05, 0xA0]),
                    Extension("2.5.29.17", false, Seq(Tlv(0x82, "a.example"u8.ToArray()), Tlv(0x87, [192, 0, 2, 1]))),
                    Extension("2.5.29.32", false, Seq(Seq(Oid("2.5.29.32.0"), Seq(Seq(Oid("1.3.6.1.5.5.7.2.1"), Ascii(0x16, "http://cps.example/")))))),
                    Extension("2.5.29.31", false, Seq(Seq(Explicit(0, Tlv(0xA0, Tlv(0x86, "http://crl.example/"u8.ToArray())))))),
                    Extension("1.2.3.4", false, "opaque"u8.ToArray()),
                ]),
            "crafted pss" => Certificate(algorithm: Algorithm("1.2.840.113549.1.1.10", Seq(
                Explicit(0, Algorithm("2.16.840.1.101.3.4.2.1", [0x05, 0x00])),
                Explicit(1, Seq(Oid("1.2.840.113549.1.1.8"), Algorithm("2.16.840.1.101.3.4.2.1", [0x05, 0x00]))),
                Explicit(2, Int(32))))),
            "crafted dsa" => Certificate(algorithm: Algorithm("1.2.840.10040.4.3"), signature: Seq(Int(BigInteger.Pow(2, 159) + 7), Int(12345))),
            _ => FromCorpus(sample == "system EC" ? "1.2.840.10045.2.1" : "1.2.840.113549.1.1.1"),
        };

        int accepted = Mutate(der, sample, "Certificate:\n", mutated => ManagedTls.X509.Certificate.Decode(mutated), c => c.ToText());

        accepted.ShouldBeGreaterThan(0);
    }

    [Theory]
    [MemberData(nameof(OtherSamples))]
    public void ToText_MutatedRequestsAndCrls_NeverThrows(string sample)
    {
        byte[] request = Request(
        [
            Attribute("1.2.840.113549.1.9.7", Ascii(0x13, "secret")),
            Attribute("1.2.840.113549.1.9.2", Utf8("one"), Utf8("two")),
            Attribute("1.2.840.113549.1.9.14", Seq(Extension("2.5.29.19", true, Seq()), Extension("2.5.29.17", false, Seq(Tlv(0x82, "b.example"u8.ToArray()))))),
        ]);
        byte[] crl = RevocationList(
            [
                Revoked(1, null, Extension("2.5.29.21", null, [0x0A, 0x01, 0x01]), Extension("2.5.29.24", null, GeneralizedTime("20200101000000Z"))),
                Revoked(-5),
            ],
            nextUpdate: UtcTime("250101000000Z"),
            extensions: [Extension("2.5.29.20", null, Int(4096)), Extension("2.5.29.35", null, Seq(Tlv(0x80, [1, 2, 3])))]);

        int accepted = sample == "request"
            ? Mutate(request, sample, "Certificate Request:\n", mutated => CertificationRequest.Decode(mutated), r => r.ToText())
            : Mutate(crl, sample, "Certificate Revocation List (CRL):\n", mutated => CertificateRevocationList.Decode(mutated), c => c.ToText());

        accepted.ShouldBeGreaterThan(0);
    }

    /// <summary>Random 1–4 octet edits; a mutant the decoder rejects (with <see cref="X509FormatException"/>, the only exception allowed) is skipped, any other is printed.</summary>
    /// <returns>How many mutants decoded (and so were printed).</returns>
    private static int Mutate<T>(byte[] der, string sample, string prefix, Func<byte[], T> decode, Func<T, string> print)
    {
        var random = new System.Random(sample.Length * 7919);
        int accepted = 0;
        for (int round = 0; round < Rounds; round++)
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

            T decoded;
            try
            {
                decoded = decode(mutated);
            }
            catch (X509FormatException)
            {
                continue;
            }

            accepted++;
            string text = print(decoded);
            text.ShouldStartWith(prefix, customMessage: Convert.ToHexString(mutated));
        }

        return accepted;
    }

    private static byte[] FromCorpus(string keyOid)
    {
        foreach ((_, byte[] der) in CertificateCorpus.Require())
        {
            if (ManagedTls.X509.Certificate.Decode(der).PublicKeyAlgorithm.Oid == keyOid)
            {
                return der;
            }
        }

        Skip.If(true, $"no system certificate with key algorithm {keyOid}");
        return [];
    }
}
