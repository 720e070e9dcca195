using ManagedTls.Asn1;
using ManagedTls.Crypto;
using ManagedTls.Keys;
using ManagedTls.Tests.TestSupport;

namespace ManagedTls.Tests.Keys;

public sealed class DhParametersTests
{
    // openssl dhparam -out dh1024.pem 1024 (see vectors/README.md, section "TLS 1.2").
    internal const string Dh1024Pem = """
        -----BEGIN DH PARAMETERS-----
        MIGHAoGBAPlXxfEcP9gmw/SRCWmTkV+G9JkF/LvUwaLkB8CYecF2Nd8U/+9hM9HK
        pH0jMSJPy0kC4x56mA/cAKcHquOxHQb2cv/lkxHGiQ1LR+fG4BAxXiiUVVNNfENO
        oZryhkAwwUDnIBazxb08egahPR93NLTR3XP6a7jENNImGMA0OGXfAgEC
        -----END DH PARAMETERS-----
        """;

    // openssl genpkey -genparam -algorithm DH -pkeyopt group:modp_2048 (RFC 3526 group 14: 2048 bits, not an RFC 7919 group)
    internal const string Dh2048Pem = """
        -----BEGIN DH PARAMETERS-----
        MIIBCAKCAQEA///////////JD9qiIWjCNMTGYouA3BzRKQJOCIpnzHQCC76mOxOb
        IlFKCHmONATd75UZs806QxswKwpt8l8UN0/hNW1tUcJF5IW1dmJefsb0TELppjft
        awv/XLb0Brft7jhr+1qJn6WunyQRfEsf5kkoZlHs5Fs9wgB8uKFjvwWY2kg2HFXT
        mmkWP6j9JM9fg2VdI9yjrZYcYvNWIIVSu57VKQdwlpZtZww1Tkq8mATxdGwIyhgh
        fDKQXkYuNs474553LBgOhgObJ4Oi7Aeij7XFXfBvTFLJ3ivL9pVYFxg5lUl86pVq
        5RXSJhiY+gUQFXKOWoqsqmj//////////wIBAg==
        -----END DH PARAMETERS-----
        """;

    // openssl genpkey -genparam -algorithm DH -pkeyopt group:ffdhe2048
    private const string Ffdhe2048Pem = """
        -----BEGIN DH PARAMETERS-----
        MIIBCAKCAQEA//////////+t+FRYortKmq/cViAnPTzx2LnFg84tNpWp4TZBFGQz
        +8yTnc4kmz75fS/jY2MMddj2gbICrsRhetPfHtXV/WVhJDP1H18GbtCFY2VVPe0a
        87VXE15/V8k1mE8McODmi3fipona8+/och3xWKE2rec1MKzKT0g6eXq8CrGCsyT7
        YdEIqUuyyOP7uWrat2DX9GgdT0Kj3jlN9K5W7edjcrsZCwenyO4KbXCeAvzhzffi
        7MA0BM0oNC9hkXL+nOmFg/+OTxIy7vKBg8P+OxtMb61zO7X8vC7CIAXFjvGDfRaD
        ssbzSibBsu/6iGtCOGEoXJf//////////wIBAg==
        -----END DH PARAMETERS-----
        """;

    [Fact]
    public void Load_OpenSslDhparam_ReadsPrimeAndGenerator()
    {
        DhParameters parameters = DhParameters.Load(Dh1024Pem);

        parameters.Bits.ShouldBe(1024);
        Convert.ToHexString(parameters.Prime.Span).ShouldStartWith("F957C5F11C3FD826");
        parameters.Generator.ToArray().ShouldBe(new byte[] { 2 });
        parameters.PrivateValueLength.ShouldBeNull();
        parameters.NamedGroup.ShouldBeNull();
    }

    [Fact]
    public void Load_Modp2048_IsLoadedParametersNotANamedGroup()
    {
        DhParameters parameters = DhParameters.Load(Dh2048Pem);

        parameters.Bits.ShouldBe(2048);
        parameters.NamedGroup.ShouldBeNull();
    }

    [Fact]
    public void Load_Ffdhe2048FromOpenSsl_IsRecognisedAsTheNamedGroup()
    {
        DhParameters parameters = DhParameters.Load(Ffdhe2048Pem);

        parameters.NamedGroup.ShouldBe(KeyAgreementAlgorithmId.Ffdhe2048);
        parameters.Prime.ToArray().ShouldBe(DhParameters.Ffdhe2048.Prime.ToArray());
    }

    [Fact]
    public void ToPem_RoundTripsByteForByte()
    {
        DhParameters.Load(Dh1024Pem).ToPem().Trim().ShouldBe(Dh1024Pem.Trim());
        DhParameters.Ffdhe2048.ToPem().Trim().ShouldBe(Ffdhe2048Pem.Trim());
    }

    [Fact]
    public void Decode_WithPrivateValueLength_KeepsIt()
    {
        using var writer = new DerWriter();
        using (writer.PushSequence())
        {
            writer.WriteIntegerUnsigned(DhParameters.Ffdhe2048.Prime.Span);
            writer.WriteInteger(2);
            writer.WriteInteger(225);
        }

        DhParameters parameters = DhParameters.Load(writer.ToArray());

        parameters.PrivateValueLength.ShouldBe(225);
        parameters.NamedGroup.ShouldBe(KeyAgreementAlgorithmId.Ffdhe2048);
    }

    [Theory]
    [InlineData("-----BEGIN X9.42 DH PARAMETERS-----\nMAA=\n-----END X9.42 DH PARAMETERS-----\n", KeyFormatError.NoKeyFound)]
    [InlineData("-----BEGIN DH PARAMETERS-----\nMAA=\n-----END DH PARAMETERS-----\n", KeyFormatError.MalformedDer)]
    [InlineData("-----BEGIN DH PARAMETERS-----\nMAYCAQcCAQI=\n-----END DH PARAMETERS-----\n", KeyFormatError.InvalidParameters)] // p = 7
    public void Load_Bad_ThrowsTyped(string pem, KeyFormatError reason)
    {
        Should.Throw<KeyFormatException>(() => DhParameters.Load(pem)).Reason.ShouldBe(reason);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Constructor_GeneratorBelowTwo_Throws(byte g)
    {
        Should.Throw<KeyFormatException>(() => new DhParameters(DhParameters.Ffdhe2048.Prime.Span, [g]));
    }

    [Fact]
    public void Constructor_GeneratorPMinusOne_Throws()
    {
        byte[] pMinusOne = DhParameters.Ffdhe2048.Prime.ToArray();
        pMinusOne[^1]--;

        Should.Throw<KeyFormatException>(() => new DhParameters(DhParameters.Ffdhe2048.Prime.Span, pMinusOne));
    }

    [SkippableTheory]
    [InlineData(3072)]
    [InlineData(4096)]
    [InlineData(6144)]
    [InlineData(8192)]
    public void NamedGroups_MatchOpenSsl(int bits)
    {
        string pem = OpenSslPeer.Run("genpkey", "-genparam", "-algorithm", "DH", "-pkeyopt", $"group:ffdhe{bits}").Stdout;

        DhParameters parameters = DhParameters.Load(pem);

        parameters.NamedGroup.ShouldBe(bits switch
        {
            3072 => KeyAgreementAlgorithmId.Ffdhe3072,
            4096 => KeyAgreementAlgorithmId.Ffdhe4096,
            6144 => KeyAgreementAlgorithmId.Ffdhe6144,
            _ => KeyAgreementAlgorithmId.Ffdhe8192,
        });
        parameters.Bits.ShouldBe(bits);
    }
}
