using ManagedTls.Tests.Asn1;
using ManagedTls.X509;

namespace ManagedTls.Tests.X509;

/// <summary>Truncation and mutation: the only failure a caller ever sees is <see cref="X509FormatException"/>.</summary>
public sealed class CertificateRobustnessTests
{
    public static TheoryData<string> Samples => new() { "crafted v3", "crafted v1", "system RSA", "system EC" };

    [SkippableTheory]
    [MemberData(nameof(Samples))]
    public void Decode_EveryProperPrefix_ThrowsX509FormatException(string sample)
    {
        byte[] der = Sample(sample);

        for (int length = 0; length < der.Length; length++)
        {
            byte[] prefix = der[..length];
            Should.Throw<X509FormatException>(() => Certificate.Decode(prefix), $"prefix of {length} bytes")
                .Reason.ShouldBe(X509FormatError.MalformedDer);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Samples))]
    public void Decode_RandomMutations_OnlyX509FormatException(string sample)
    {
        byte[] der = Sample(sample);
        var random = new System.Random(sample.Length * 7919);
        int accepted = 0;
        for (int round = 0; round < 3000; round++)
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

            try
            {
                Certificate certificate = Certificate.Decode(mutated);
                accepted++;

                // Everything derived from an accepted certificate must work too.
                _ = certificate.Subject.ToString() + certificate.Issuer.ToOneLineString() + certificate.Subject.Format(X509NameFormatFlags.Rfc2253);
                _ = certificate.SubjectNameHash ^ certificate.SubjectNameHashOld ^ certificate.IssuerNameHash;
                _ = OpenSslText.FormatInteger(certificate.SerialNumber.Span) + OpenSslText.FormatTime(certificate.NotAfter);
                certificate.TryGetPublicKey(out _, out _);
                foreach (X509Extension extension in certificate.Extensions)
                {
                    _ = extension.ToOpenSslString(4);
                }

                TypedViews(certificate);
            }
            catch (X509FormatException)
            {
            }
        }

        accepted.ShouldBeGreaterThan(0);
    }

    // The typed views may reject a mutated value, but only with X509FormatException.
    private static void TypedViews(Certificate certificate)
    {
        Action[] views =
        [
            () => certificate.GetBasicConstraints(), () => certificate.GetKeyUsage(), () => certificate.GetExtendedKeyUsage(),
            () => certificate.GetSubjectAlternativeNames(), () => certificate.GetSubjectKeyIdentifier(), () => certificate.GetAuthorityKeyIdentifier(),
        ];
        foreach (Action view in views)
        {
            try
            {
                view();
            }
            catch (X509FormatException)
            {
            }
        }
    }

    private static byte[] Sample(string sample) => sample switch
    {
        "crafted v3" => new TestCertificate { IssuerUniqueId = [0xAA], Extensions = [("2.5.29.19", true, [0x30, 0x00]), ("2.5.29.15", null, [0x03, 0x02, 0x05, 0xA0])] }.ToDer(),
        "crafted v1" => new TestCertificate { Version = null, Extensions = null }.ToDer(),
        _ => FromCorpus(sample == "system EC" ? "1.2.840.10045.2.1" : "1.2.840.113549.1.1.1"),
    };

    private static byte[] FromCorpus(string keyOid)
    {
        foreach ((_, byte[] der) in CertificateCorpus.Require())
        {
            if (Certificate.Decode(der).PublicKeyAlgorithm.Oid == keyOid)
            {
                return der;
            }
        }

        Skip.If(true, $"no system certificate with key algorithm {keyOid}");
        return [];
    }
}
