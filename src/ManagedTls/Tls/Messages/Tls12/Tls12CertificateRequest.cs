using ManagedTls.Tls.Messages;
using ManagedTls.Tls.Wire;

namespace ManagedTls.Tls.Messages.Tls12;

/// <summary>
/// TLS 1.2 CertificateRequest (RFC 5246 §7.4.4): certificate types, supported_signature_algorithms and the
/// distinguished names of acceptable CAs (raw DER Names). Immutable.
/// </summary>
internal sealed class Tls12CertificateRequest : IHandshakeBody
{
    /// <inheritdoc/>
    public TlsHandshakeType Type => TlsHandshakeType.CertificateRequest;

    /// <summary>ClientCertificateType rsa_sign.</summary>
    public const byte RsaSign = 1;

    /// <summary>ClientCertificateType ecdsa_sign (RFC 8422 §5.5).</summary>
    public const byte EcdsaSign = 64;

    /// <summary>Creates the message.</summary>
    /// <param name="certificateTypes">ClientCertificateType values (1..255 of them).</param>
    /// <param name="signatureSchemes">supported_signature_algorithms (at least one).</param>
    /// <param name="authorities">DER-encoded distinguished names (each 1..65535 bytes).</param>
    public Tls12CertificateRequest(IReadOnlyList<byte> certificateTypes, IReadOnlyList<TlsSignatureScheme> signatureSchemes, IReadOnlyList<ReadOnlyMemory<byte>> authorities)
    {
        CertificateTypes = certificateTypes;
        SignatureSchemes = signatureSchemes;
        Authorities = authorities;
    }

    /// <summary>The acceptable certificate types.</summary>
    public IReadOnlyList<byte> CertificateTypes { get; }

    /// <summary>The signature schemes the server accepts in CertificateVerify and certificates.</summary>
    public IReadOnlyList<TlsSignatureScheme> SignatureSchemes { get; }

    /// <summary>DER Names of acceptable CAs (may be empty).</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> Authorities { get; }

    /// <summary>Decodes a CertificateRequest body.</summary>
    /// <param name="body">The body.</param>
    /// <returns>The message.</returns>
    /// <exception cref="TlsException">decode_error.</exception>
    public static Tls12CertificateRequest Decode(ReadOnlySpan<byte> body)
    {
        var reader = new TlsReader(body);
        byte[] types = reader.ReadVector8(1, byte.MaxValue).ToArray();
        ReadOnlySpan<byte> schemesBytes = reader.ReadVector16(2, ushort.MaxValue - 1);
        if ((schemesBytes.Length & 1) != 0)
        {
            throw TlsException.Decode("RFC 5246 §7.4.4: odd supported_signature_algorithms length");
        }

        var schemes = new TlsSignatureScheme[schemesBytes.Length / 2];
        for (int i = 0; i < schemes.Length; i++)
        {
            schemes[i] = (TlsSignatureScheme)((schemesBytes[2 * i] << 8) | schemesBytes[(2 * i) + 1]);
        }

        TlsReader names = reader.ReadNested16();
        var authorities = new List<ReadOnlyMemory<byte>>();
        while (!names.IsEmpty)
        {
            authorities.Add(names.ReadVector16(1, ushort.MaxValue).ToArray());
        }

        reader.ExpectEnd("CertificateRequest");
        return new Tls12CertificateRequest(types, schemes, authorities);
    }

    /// <inheritdoc/>
    public void EncodeBody(TlsWriter writer) => Encode(writer);

    /// <summary>Writes the body.</summary>
    /// <param name="writer">The destination.</param>
    public void Encode(TlsWriter writer)
    {
        using (writer.PushVector8())
        {
            foreach (byte type in CertificateTypes)
            {
                writer.WriteUInt8(type);
            }
        }

        using (writer.PushVector16())
        {
            foreach (TlsSignatureScheme scheme in SignatureSchemes)
            {
                writer.WriteUInt16((ushort)scheme);
            }
        }

        using (writer.PushVector16())
        {
            foreach (ReadOnlyMemory<byte> name in Authorities)
            {
                writer.WriteVector16(name.Span);
            }
        }
    }

    /// <summary>The whole handshake message.</summary>
    /// <returns>The bytes.</returns>
    public byte[] ToMessage() => Tls12HandshakeFraming.Frame(TlsHandshakeType.CertificateRequest, Encode);
}
