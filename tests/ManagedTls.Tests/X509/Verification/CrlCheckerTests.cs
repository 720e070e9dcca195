using ManagedTls.Keys;
using ManagedTls.X509;
using ManagedTls.X509.Verification;

namespace ManagedTls.Tests.X509.Verification;

public sealed class CrlCheckerTests
{
    private static readonly DateTimeOffset s_now = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private static (Certificate Root, PrivateKey RootKey, Certificate Leaf) MakeChain(KeyUsageFlags rootUsage = KeyUsageFlags.KeyCertSign | KeyUsageFlags.CrlSign)
    {
        PrivateKey rootKey = KeyGenerator.GenerateEc(EcNamedCurve.P256);
        var root = new CertificateBuilder
        {
            SerialNumber = 1,
            Subject = DistinguishedName.Parse("/CN=CRL Root"),
            Issuer = DistinguishedName.Parse("/CN=CRL Root"),
            NotBefore = s_now.AddYears(-1),
            NotAfter = s_now.AddYears(5),
            PublicKey = rootKey.PublicKey,
        };
        root.Extensions.Add(new BasicConstraints(true, null).ToExtension(critical: true));
        root.Extensions.Add(new KeyUsage(rootUsage).ToExtension(critical: true));
        Certificate rootCertificate = root.Sign(rootKey);

        PrivateKey leafKey = KeyGenerator.GenerateEc(EcNamedCurve.P256);
        var leaf = new CertificateBuilder
        {
            SerialNumber = 77,
            Subject = DistinguishedName.Parse("/CN=leaf"),
            Issuer = rootCertificate.Subject,
            NotBefore = s_now.AddDays(-1),
            NotAfter = s_now.AddDays(30),
            PublicKey = leafKey.PublicKey,
        };
        return (rootCertificate, rootKey, leaf.Sign(rootKey));
    }

    private static CertificateRevocationList Crl(Certificate issuer, PrivateKey key, CrlReason? reason, params X509Extension[] extensions)
    {
        var builder = new CertificateRevocationListBuilder
        {
            Version = 2,
            Issuer = issuer.Subject,
            ThisUpdate = s_now.AddDays(-1),
            NextUpdate = s_now.AddDays(7),
        };
        builder.Extensions.Add(new CrlNumber(1).ToExtension());
        foreach (X509Extension extension in extensions)
        {
            builder.Extensions.Add(extension);
        }

        if (reason is { } r)
        {
            var entry = new RevokedCertificateEntry(77, s_now.AddHours(-5));
            entry.Extensions.Add(new CrlReasonCode(r).ToExtension());
            builder.Revoked.Add(entry);
        }

        return builder.Sign(key);
    }

    private static VerificationResult Verify(Certificate root, Certificate leaf, CertificateRevocationList? crl, X509VerifyFlags flags = X509VerifyFlags.CrlCheck)
    {
        var store = new TrustStore();
        store.AddCertificate(root);
        if (crl is not null)
        {
            store.AddCrl(crl);
        }

        return ChainVerifier.Verify(leaf, [], store, new VerificationOptions { Time = s_now, Flags = flags });
    }

    [Theory]
    [InlineData(null, X509VerifyError.Ok)]
    [InlineData(CrlReason.KeyCompromise, X509VerifyError.CertRevoked)]
    [InlineData(CrlReason.Unspecified, X509VerifyError.CertRevoked)]
    [InlineData(CrlReason.RemoveFromCrl, X509VerifyError.Ok)]
    public void Verify_LeafOnCrl_RevokedUnlessRemoveFromCrl(CrlReason? reason, X509VerifyError expected)
    {
        (Certificate root, PrivateKey key, Certificate leaf) = MakeChain();

        Verify(root, leaf, Crl(root, key, reason)).Error.ShouldBe(expected);
    }

    [Fact]
    public void Verify_NoCrlForIssuer_UnableToGetCrl_UnlessAllowed()
    {
        (Certificate root, _, Certificate leaf) = MakeChain();

        Verify(root, leaf, null).Error.ShouldBe(X509VerifyError.UnableToGetCrl);
        Verify(root, leaf, null, X509VerifyFlags.CrlCheck | X509VerifyFlags.AllowMissingCrl).IsValid.ShouldBeTrue();
    }

    [Fact]
    public void Verify_CrlSignedByAnotherKey_CrlSignatureFailure()
    {
        (Certificate root, _, Certificate leaf) = MakeChain();
        PrivateKey other = KeyGenerator.GenerateEc(EcNamedCurve.P256);

        Verify(root, leaf, Crl(root, other, CrlReason.KeyCompromise)).Error.ShouldBe(X509VerifyError.CrlSignatureFailure);
    }

    [Fact]
    public void Verify_IssuerWithoutCrlSign_KeyUsageNoCrlSign()
    {
        (Certificate root, PrivateKey key, Certificate leaf) = MakeChain(KeyUsageFlags.KeyCertSign);

        Verify(root, leaf, Crl(root, key, null)).Error.ShouldBe(X509VerifyError.KeyUsageNoCrlSign);
    }

    [Fact]
    public void Verify_CrlOnlyForCACertificates_OutOfScopeForLeaf()
    {
        (Certificate root, PrivateKey key, Certificate leaf) = MakeChain();
        var idp = new IssuingDistributionPoint(null, OnlyContainsCACerts: true);

        // OpenSSL: error 44 "different CRL scope" when the only CRL of the issuer does not cover the certificate.
        Verify(root, leaf, Crl(root, key, CrlReason.KeyCompromise, idp.ToExtension(critical: true))).Error.ShouldBe(X509VerifyError.DifferentCrlScope);
    }

    [Theory]
    [InlineData(-60, -2, X509VerifyError.CrlHasExpired)]
    [InlineData(30, 40, X509VerifyError.CrlNotYetValid)]
    public void Verify_CrlOutsideItsValidity_Reported(int thisUpdateDays, int nextUpdateDays, X509VerifyError expected)
    {
        (Certificate root, PrivateKey key, Certificate leaf) = MakeChain();
        var builder = new CertificateRevocationListBuilder
        {
            Version = 2,
            Issuer = root.Subject,
            ThisUpdate = s_now.AddDays(thisUpdateDays),
            NextUpdate = s_now.AddDays(nextUpdateDays),
        };
        builder.Extensions.Add(new CrlNumber(1).ToExtension());

        Verify(root, leaf, builder.Sign(key)).Error.ShouldBe(expected);
    }
}
