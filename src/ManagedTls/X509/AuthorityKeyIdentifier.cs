using ManagedTls.Asn1;

namespace ManagedTls.X509;

/// <summary>authorityKeyIdentifier (RFC 5280 §4.2.1.1).</summary>
/// <param name="KeyIdentifier">keyIdentifier, or null when absent.</param>
/// <param name="AuthorityCertIssuer">authorityCertIssuer, or null when absent.</param>
/// <param name="AuthorityCertSerialNumber">authorityCertSerialNumber's INTEGER content octets, or null when absent.</param>
public sealed record AuthorityKeyIdentifier(ReadOnlyMemory<byte>? KeyIdentifier, IReadOnlyList<GeneralName>? AuthorityCertIssuer, ReadOnlyMemory<byte>? AuthorityCertSerialNumber)
{
    /// <summary>The extnValue DER: the present fields with their implicit tags <c>[0]</c>, <c>[1]</c>, <c>[2]</c>.</summary>
    /// <returns>The encoding.</returns>
    /// <exception cref="ArgumentException">An empty issuer list, or serial octets that are not minimal two's complement.</exception>
    public byte[] Encode() => ExtensionDecoding.Encode(writer =>
    {
        using (writer.PushSequence())
        {
            if (KeyIdentifier is { } keyId)
            {
                writer.WriteOctetString(keyId.Span, Asn1Tag.Context(0, false));
            }

            if (AuthorityCertIssuer is { } issuer)
            {
                GeneralName.EncodeSequence(writer, issuer, Asn1Tag.Context(1, true));
            }

            if (AuthorityCertSerialNumber is { } serial)
            {
                writer.WriteInteger(serial.Span, Asn1Tag.Context(2, false));
            }
        }
    });

    /// <summary>An authorityKeyIdentifier extension holding <see cref="Encode"/>.</summary>
    /// <param name="critical">The critical flag (RFC 5280: MUST NOT be critical).</param>
    /// <returns>The extension.</returns>
    public X509Extension ToExtension(bool critical = false) => new(Oids.AuthorityKeyIdentifier, critical, Encode());

    /// <summary>Decodes the extnValue.</summary>
    /// <param name="value">The extension's value octets.</param>
    /// <returns>The identifier.</returns>
    /// <exception cref="X509FormatException">Malformed (<see cref="X509FormatError.InvalidExtension"/>).</exception>
    public static AuthorityKeyIdentifier Decode(ReadOnlySpan<byte> value) => ExtensionDecoding.Run(value, "authorityKeyIdentifier", static (ref DerReader reader) =>
    {
        DerReader sequence = reader.ReadSequence();
        ReadOnlyMemory<byte>? keyId = sequence.NextTagIs(Asn1Tag.Context(0, false)) ? (ReadOnlyMemory<byte>?)sequence.ReadOctetString(Asn1Tag.Context(0, false)).ToArray() : null;
        IReadOnlyList<GeneralName>? issuer = sequence.NextTagIs(Asn1Tag.Context(1, true)) ? GeneralName.DecodeSequence(ref sequence, Asn1Tag.Context(1, true)) : null;
        ReadOnlyMemory<byte>? serial = sequence.NextTagIs(Asn1Tag.Context(2, false)) ? (ReadOnlyMemory<byte>?)sequence.ReadIntegerBytes(Asn1Tag.Context(2, false)).ToArray() : null;
        sequence.ExpectEmpty();
        return new AuthorityKeyIdentifier(keyId, issuer, serial);
    });
}
