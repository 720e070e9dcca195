using ManagedTls.Asn1;

namespace ManagedTls.X509;

/// <summary>authorityKeyIdentifier (RFC 5280 §4.2.1.1).</summary>
/// <param name="KeyIdentifier">keyIdentifier, or null when absent.</param>
/// <param name="AuthorityCertIssuer">authorityCertIssuer, or null when absent.</param>
/// <param name="AuthorityCertSerialNumber">authorityCertSerialNumber's INTEGER content octets, or null when absent.</param>
public sealed record AuthorityKeyIdentifier(ReadOnlyMemory<byte>? KeyIdentifier, IReadOnlyList<GeneralName>? AuthorityCertIssuer, ReadOnlyMemory<byte>? AuthorityCertSerialNumber)
{
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
