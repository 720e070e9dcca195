using ManagedTls.Keys;
using ManagedTls.Pkcs.Cms;
using ManagedTls.X509;
using ManagedTls.X509.Verification;

namespace ManagedTls.Tests.Pkcs.Cms;

/// <summary>Truncated and garbled S/MIME and SignedData: only <see cref="Pkcs7Exception"/> ever escapes, never a crash.</summary>
public sealed class SmimeRobustnessTests
{
    private static readonly Lazy<(Certificate Certificate, PrivateKey Key)> s_signer = new(() =>
    {
        PrivateKey key = KeyGenerator.GenerateEc(EcNamedCurve.P256);
        DistinguishedName name = DistinguishedName.Parse("/CN=Robustness");
        Certificate certificate = new CertificateBuilder
        {
            SerialNumber = 7,
            Subject = name,
            Issuer = name,
            NotBefore = DateTimeOffset.UtcNow.AddDays(-1),
            NotAfter = DateTimeOffset.UtcNow.AddDays(30),
            PublicKey = key.PublicKey,
        }.Sign(key);
        return (certificate, key);
    });

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Read_EveryPrefix_ReturnsOrThrowsPkcs7ExceptionOnly(bool detached)
    {
        byte[] mime = Sign(detached);

        for (int length = 0; length < mime.Length; length += 7)
        {
            try
            {
                Smime.Read(mime.AsSpan(0, length));
            }
            catch (Pkcs7Exception)
            {
                // the typed failure is the point
            }
        }

        Smime.Read(mime).Message.IsSigned.ShouldBeTrue();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Verify_GarbledBytes_OnlyPkcs7Exception(bool detached)
    {
        byte[] content = "garbling target\r\n"u8.ToArray();
        var options = new Pkcs7SignOptions { Detached = detached };
        byte[] der = Pkcs7Signer.Sign(content, s_signer.Value.Certificate, s_signer.Value.Key, options).Encode();
        var store = new TrustStore();
        store.AddCertificate(s_signer.Value.Certificate);
        var verify = new Pkcs7VerifyOptions { TrustStore = store };
        int failures = 0;

        for (int i = 0; i < der.Length; i++) // every byte: a step of 3 hit a name's string tag only for some random keys
        {
            byte[] garbled = (byte[])der.Clone();
            garbled[i] ^= 0x5A;
            try
            {
                Pkcs7 message = Pkcs7.Decode(garbled);
                if (detached)
                {
                    Pkcs7Verifier.Verify(message, content, verify);
                }
                else
                {
                    Pkcs7Verifier.Verify(message, verify);
                }
            }
            catch (Pkcs7Exception)
            {
                failures++;
            }
        }

        failures.ShouldBeGreaterThan(der.Length / 6);
    }

    private static byte[] Sign(bool detached)
    {
        byte[] content = Smime.Canonicalize("line one\nline two\n"u8);
        Pkcs7 message = Pkcs7Signer.Sign(content, s_signer.Value.Certificate, s_signer.Value.Key, new Pkcs7SignOptions { Detached = detached });
        return detached ? Smime.WriteMultipartSigned(message, content) : Smime.WriteOpaque(message);
    }
}
