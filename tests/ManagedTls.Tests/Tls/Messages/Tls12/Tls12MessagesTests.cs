using ManagedTls.Tls;
using ManagedTls.Tls.Messages.Tls12;
using ManagedTls.Tls.Suites;
using ManagedTls.Tls.Wire;

namespace ManagedTls.Tests.Tls.Messages.Tls12;

public sealed class Tls12MessagesTests
{
    private static byte[] Bytes(int length, byte seed) => Enumerable.Range(0, length).Select(i => (byte)(seed + i)).ToArray();

    private static byte[] Body(byte[] message)
    {
        int length = (message[1] << 16) | (message[2] << 8) | message[3];
        length.ShouldBe(message.Length - 4);
        return message[4..];
    }

    public static TheoryData<string> Messages => new() { "ske-ecdhe", "ske-dhe", "cke-ecdhe", "cke-dhe", "cke-rsa", "certreq", "certreq-noca", "cert", "cert-empty", "nst" };

    private static (byte[] Message, Func<byte[], byte[]> Reencode) Build(string name)
    {
        switch (name)
        {
            case "ske-ecdhe":
            {
                var m = ServerKeyExchange.CreateEcdhe(TlsNamedGroup.X25519, Bytes(32, 1), TlsSignatureScheme.EcdsaSecp256r1Sha256, Bytes(71, 9));
                return (m.ToMessage(), b => ServerKeyExchange.Decode(b, TlsKeyExchange.Ecdhe).ToMessage());
            }

            case "ske-dhe":
            {
                var m = ServerKeyExchange.CreateDhe(Bytes(256, 3), [2], Bytes(256, 7), TlsSignatureScheme.RsaPssRsaeSha256, Bytes(256, 5));
                return (m.ToMessage(), b => ServerKeyExchange.Decode(b, TlsKeyExchange.Dhe).ToMessage());
            }

            case "cke-ecdhe":
                return (ClientKeyExchange.Create(TlsKeyExchange.Ecdhe, Bytes(65, 4)).ToMessage(), b => ClientKeyExchange.Decode(b, TlsKeyExchange.Ecdhe).ToMessage());
            case "cke-dhe":
                return (ClientKeyExchange.Create(TlsKeyExchange.Dhe, Bytes(256, 4)).ToMessage(), b => ClientKeyExchange.Decode(b, TlsKeyExchange.Dhe).ToMessage());
            case "cke-rsa":
                return (ClientKeyExchange.Create(TlsKeyExchange.Rsa, Bytes(256, 4)).ToMessage(), b => ClientKeyExchange.Decode(b, TlsKeyExchange.Rsa).ToMessage());
            case "certreq":
            {
                var m = new Tls12CertificateRequest([Tls12CertificateRequest.RsaSign, Tls12CertificateRequest.EcdsaSign], [TlsSignatureScheme.EcdsaSecp256r1Sha256, TlsSignatureScheme.RsaPssRsaeSha256], [Bytes(20, 1), Bytes(30, 2)]);
                return (m.ToMessage(), b => Tls12CertificateRequest.Decode(b).ToMessage());
            }

            case "certreq-noca":
            {
                var m = new Tls12CertificateRequest([Tls12CertificateRequest.EcdsaSign], [TlsSignatureScheme.Ed25519], []);
                return (m.ToMessage(), b => Tls12CertificateRequest.Decode(b).ToMessage());
            }

            case "cert":
                return (new Tls12Certificate([Bytes(300, 1), Bytes(200, 2)]).ToMessage(), b => Tls12Certificate.Decode(b).ToMessage());
            case "cert-empty":
                return (new Tls12Certificate([]).ToMessage(), b => Tls12Certificate.Decode(b).ToMessage());
            default:
                return (new Tls12NewSessionTicket(7200, Bytes(100, 3)).ToMessage(), b => Tls12NewSessionTicket.Decode(b).ToMessage());
        }
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void Decode_Encode_RoundTripsByteForByte(string name)
    {
        (byte[] message, Func<byte[], byte[]> reencode) = Build(name);

        reencode(Body(message)).ShouldBe(message);
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void Decode_EveryProperPrefix_IsDecodeError(string name)
    {
        (byte[] message, Func<byte[], byte[]> reencode) = Build(name);
        byte[] body = Body(message);

        for (int length = 0; length < body.Length; length++)
        {
            byte[] prefix = body[..length];
            TlsException e = Should.Throw<TlsException>(() => reencode(prefix), $"prefix of {length} bytes");
            e.Alert.ShouldBe(TlsAlertDescription.DecodeError);
        }
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void Decode_TrailingByte_IsDecodeError(string name)
    {
        (byte[] message, Func<byte[], byte[]> reencode) = Build(name);

        Should.Throw<TlsException>(() => reencode([.. Body(message), 0])).Alert.ShouldBe(TlsAlertDescription.DecodeError);
    }

    [Fact]
    public void ServerKeyExchange_Ecdhe_KeepsSignedParamsAndFields()
    {
        byte[] point = Bytes(65, 4);
        byte[] message = ServerKeyExchange.CreateEcdhe(TlsNamedGroup.Secp256r1, point, TlsSignatureScheme.RsaPkcs1Sha256, Bytes(10, 1)).ToMessage();

        ServerKeyExchange decoded = ServerKeyExchange.Decode(Body(message), TlsKeyExchange.Ecdhe);

        decoded.Group.ShouldBe(TlsNamedGroup.Secp256r1);
        decoded.PublicKey.ToArray().ShouldBe(point);
        decoded.Params.ToArray().ShouldBe([3, 0, 23, 65, .. point]);
        decoded.Scheme.ShouldBe(TlsSignatureScheme.RsaPkcs1Sha256);
        ServerKeyExchange.SignedContent([1, 2], [3], decoded.Params.Span).ShouldBe([1, 2, 3, .. decoded.Params.ToArray()]);
    }

    [Fact]
    public void ServerKeyExchange_ExplicitCurve_IsIllegalParameter()
    {
        Should.Throw<TlsException>(() => ServerKeyExchange.Decode([1, 0, 23, 1, 4, 4, 1, 0, 0], TlsKeyExchange.Ecdhe)).Alert.ShouldBe(TlsAlertDescription.IllegalParameter);
    }

    [Theory]
    [InlineData(new byte[] { 0 })] // empty point
    [InlineData(new byte[] { 0, 0 })] // empty Yc under Dhe... read as Ecdhe leaves trailing
    public void ClientKeyExchange_EmptyOrTrailing_IsDecodeError(byte[] body)
    {
        Should.Throw<TlsException>(() => ClientKeyExchange.Decode(body, TlsKeyExchange.Ecdhe)).Alert.ShouldBe(TlsAlertDescription.DecodeError);
    }

    [Fact]
    public void ServerHelloDone_IsFourBytes_AndNonEmptyBodyIsDecodeError()
    {
        ServerHelloDone.Message.ToArray().ShouldBe(new byte[] { 14, 0, 0, 0 });
        ServerHelloDone.Decode([]);
        Should.Throw<TlsException>(() => ServerHelloDone.Decode([0])).Alert.ShouldBe(TlsAlertDescription.DecodeError);
    }

    [Fact]
    public void CertificateRequest_OddSchemeLength_IsDecodeError()
    {
        Should.Throw<TlsException>(() => Tls12CertificateRequest.Decode([1, 1, 0, 3, 4, 3, 1, 0, 0])).Alert.ShouldBe(TlsAlertDescription.DecodeError);
    }

    [Fact]
    public void Certificate_EmptyEntry_IsDecodeError()
    {
        Should.Throw<TlsException>(() => Tls12Certificate.Decode([0, 0, 3, 0, 0, 0])).Alert.ShouldBe(TlsAlertDescription.DecodeError);
    }
}
