using ManagedTls.Asn1;

namespace ManagedTls.X509;

/// <summary>privateKeyUsagePeriod (2.5.29.16, RFC 3280 §4.2.1.4; deprecated but present in some roots).</summary>
/// <param name="NotBefore">notBefore, or null when absent.</param>
/// <param name="NotAfter">notAfter, or null when absent.</param>
public sealed record PrivateKeyUsagePeriod(DateTimeOffset? NotBefore, DateTimeOffset? NotAfter)
{
    /// <summary>Decodes the extnValue.</summary>
    /// <param name="value">The extension's value octets.</param>
    /// <returns>The period.</returns>
    /// <exception cref="X509FormatException">Malformed (<see cref="X509FormatError.InvalidExtension"/>).</exception>
    public static PrivateKeyUsagePeriod Decode(ReadOnlySpan<byte> value) => ExtensionDecoding.Run(value, "privateKeyUsagePeriod", static (ref DerReader reader) =>
    {
        DerReader sequence = reader.ReadSequence();
        DateTimeOffset? notBefore = sequence.NextTagIs(Asn1Tag.Context(0, false)) ? sequence.ReadGeneralizedTime(Asn1Tag.Context(0, false)) : null;
        DateTimeOffset? notAfter = sequence.NextTagIs(Asn1Tag.Context(1, false)) ? sequence.ReadGeneralizedTime(Asn1Tag.Context(1, false)) : null;
        sequence.ExpectEmpty();
        return new PrivateKeyUsagePeriod(notBefore, notAfter);
    });

    /// <summary>The extnValue DER.</summary>
    /// <returns>The encoding.</returns>
    public byte[] Encode() => ExtensionDecoding.Encode(writer =>
    {
        using (writer.PushSequence())
        {
            if (NotBefore is { } notBefore)
            {
                writer.WriteGeneralizedTime(notBefore, Asn1Tag.Context(0, false));
            }

            if (NotAfter is { } notAfter)
            {
                writer.WriteGeneralizedTime(notAfter, Asn1Tag.Context(1, false));
            }
        }
    });

    /// <summary>A privateKeyUsagePeriod extension holding <see cref="Encode"/>.</summary>
    /// <param name="critical">The critical flag.</param>
    /// <returns>The extension.</returns>
    public X509Extension ToExtension(bool critical = false) => new(ExtensionOids.PrivateKeyUsagePeriod, critical, Encode());
}
