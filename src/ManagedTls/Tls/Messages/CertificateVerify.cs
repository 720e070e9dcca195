using ManagedTls.Tls.Wire;

namespace ManagedTls.Tls.Messages;

/// <summary>CertificateVerify (RFC 8446 §4.4.3; the same shape as TLS 1.2's digitally-signed struct).</summary>
internal sealed class CertificateVerify : IHandshakeBody
{
    internal CertificateVerify(TlsSignatureScheme scheme, byte[] signature)
    {
        Scheme = scheme;
        Signature = signature;
    }

    public TlsHandshakeType Type => TlsHandshakeType.CertificateVerify;

    internal TlsSignatureScheme Scheme { get; }

    internal byte[] Signature { get; }

    internal static CertificateVerify Decode(ReadOnlySpan<byte> body)
    {
        var reader = new TlsReader(body);
        var scheme = (TlsSignatureScheme)reader.ReadUInt16();
        byte[] signature = reader.ReadVector16().ToArray();
        reader.ExpectEnd("CertificateVerify");
        return new CertificateVerify(scheme, signature);
    }

    /// <inheritdoc/>
    public void EncodeBody(TlsWriter writer)
    {
        writer.WriteUInt16((ushort)Scheme);
        writer.WriteVector16(Signature);
    }
}
