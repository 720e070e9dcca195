using ManagedTls.Keys;

namespace ManagedTls.OpenSsl.Tests;

/// <summary>
/// The public <see cref="KeyGenerator"/> and <see cref="RsaKeyConsistency"/> added for the facade (they live in
/// ManagedTls/Keys; tested here because this branch owns only this test project).
/// </summary>
public sealed class KeyGeneratorTests
{
    [Theory]
    [InlineData(511)]
    [InlineData(0)]
    [InlineData(16385)]
    public void GenerateRsa_OutOfRangeBits_Throws(int bits) =>
        Should.Throw<ArgumentOutOfRangeException>(() => KeyGenerator.GenerateRsa(bits)).ParamName.ShouldBe("bits");

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(65536)]
    public void GenerateRsa_BadExponent_Throws(int exponent) =>
        Should.Throw<ArgumentOutOfRangeException>(() => KeyGenerator.GenerateRsa(512, exponent)).ParamName.ShouldBe("publicExponent");

    [Fact]
    public void GenerateRsa_Exponent3_IsConsistent()
    {
        RsaPrivateKey key = KeyGenerator.GenerateRsa(512, 3);

        key.Exponent.ToArray().ShouldBe(new byte[] { 3 });
        key.Bits.ShouldBe(512);
        RsaKeyConsistency.Check(key).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(512)]
    [InlineData(2047)]
    [InlineData(4096)]
    public void GenerateDsa_UnsupportedSize_Throws(int bits) =>
        Should.Throw<ArgumentOutOfRangeException>(() => KeyGenerator.GenerateDsa(bits));

    [Fact]
    public void GenerateDsa_1024_HasA160BitQ()
    {
        var key = (DsaPrivateKey)TestKeys.Get("dsa").PrivateKey!;

        key.Bits.ShouldBe(1024);
        key.Parameters.Q.Length.ShouldBe(20);
    }

    [Theory]
    [InlineData(KeyAlgorithm.Rsa)]
    [InlineData(KeyAlgorithm.X25519)]
    [InlineData(KeyAlgorithm.Ec)]
    public void GenerateEdwards_NotEdDsa_Throws(KeyAlgorithm algorithm) =>
        Should.Throw<ArgumentOutOfRangeException>(() => KeyGenerator.GenerateEdwards(algorithm));

    [Fact]
    public void GenerateEc_EveryCurve_GivesAKeyOnIt()
    {
        foreach (EcNamedCurve curve in EcNamedCurve.All)
        {
            EcPrivateKey key = KeyGenerator.GenerateEc(curve);

            key.Curve.ShouldBe(curve);
            key.Bits.ShouldBe(curve.OrderBits);
        }
    }

    [Theory]
    [InlineData(RsaKeyProblem.PNotPrime, "p not prime")]
    [InlineData(RsaKeyProblem.DETimesNotOne, "d e not congruent to 1")]
    [InlineData(RsaKeyProblem.QInvNotInverse, "iqmp not inverse of q")]
    [InlineData(RsaKeyProblem.OtherCoefficientNotInverse, "mp coefficient not inverse of r")]
    public void OpenSslReason_IsOpenSslsText(RsaKeyProblem problem, string reason) =>
        RsaKeyConsistency.OpenSslReason(problem).ShouldBe(reason);
}
