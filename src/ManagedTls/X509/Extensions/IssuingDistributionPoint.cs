using ManagedTls.Asn1;

namespace ManagedTls.X509;

/// <summary>issuingDistributionPoint (RFC 5280 §5.2.5).</summary>
/// <param name="Name">distributionPoint, or null when absent.</param>
/// <param name="OnlyContainsUserCerts">onlyContainsUserCerts (DEFAULT FALSE).</param>
/// <param name="OnlyContainsCACerts">onlyContainsCACerts (DEFAULT FALSE).</param>
/// <param name="OnlySomeReasons">onlySomeReasons, or null when absent.</param>
/// <param name="IndirectCrl">indirectCRL (DEFAULT FALSE).</param>
/// <param name="OnlyContainsAttributeCerts">onlyContainsAttributeCerts (DEFAULT FALSE).</param>
public sealed record IssuingDistributionPoint(
    DistributionPointName? Name,
    bool OnlyContainsUserCerts = false,
    bool OnlyContainsCACerts = false,
    CrlReasonFlags? OnlySomeReasons = null,
    bool IndirectCrl = false,
    bool OnlyContainsAttributeCerts = false)
{
    /// <summary>Decodes the extnValue.</summary>
    /// <param name="value">The extension's value octets.</param>
    /// <returns>The point.</returns>
    /// <exception cref="X509FormatException">Malformed (<see cref="X509FormatError.InvalidExtension"/>).</exception>
    public static IssuingDistributionPoint Decode(ReadOnlySpan<byte> value) => ExtensionDecoding.Run(value, "issuingDistributionPoint", static (ref DerReader reader) =>
    {
        DerReader sequence = reader.ReadSequence();
        DistributionPointName? name = DistributionPointName.DecodeOptional(ref sequence);
        bool onlyUser = ReadFlag(ref sequence, 1);
        bool onlyCA = ReadFlag(ref sequence, 2);
        CrlReasonFlags? reasons = sequence.NextTagIs(Asn1Tag.Context(3, false))
            ? (CrlReasonFlags)NamedBits.Read(ref sequence, 9, Asn1Tag.Context(3, false))
            : null;
        bool indirect = ReadFlag(ref sequence, 4);
        bool onlyAttribute = ReadFlag(ref sequence, 5);
        sequence.ExpectEmpty();
        return new IssuingDistributionPoint(name, onlyUser, onlyCA, reasons, indirect, onlyAttribute);
    });

    /// <summary>The extnValue DER (the BOOLEANs only when TRUE, as DER requires).</summary>
    /// <returns>The encoding.</returns>
    public byte[] Encode() => ExtensionDecoding.Encode(writer =>
    {
        using (writer.PushSequence())
        {
            Name?.EncodeExplicit(writer);
            WriteFlag(writer, 1, OnlyContainsUserCerts);
            WriteFlag(writer, 2, OnlyContainsCACerts);
            if (OnlySomeReasons is { } reasons)
            {
                NamedBits.Write(writer, (int)reasons, 9, Asn1Tag.Context(3, false));
            }

            WriteFlag(writer, 4, IndirectCrl);
            WriteFlag(writer, 5, OnlyContainsAttributeCerts);
        }
    });

    /// <summary>An issuingDistributionPoint extension holding <see cref="Encode"/>.</summary>
    /// <param name="critical">The critical flag (RFC 5280: critical).</param>
    /// <returns>The extension.</returns>
    public X509Extension ToExtension(bool critical = true) => new(Oids.IssuingDistributionPoint, critical, Encode());

    private static bool ReadFlag(ref DerReader reader, int tag) =>
        reader.NextTagIs(Asn1Tag.Context(tag, false)) && reader.ReadBoolean(Asn1Tag.Context(tag, false));

    private static void WriteFlag(DerWriter writer, int tag, bool value)
    {
        if (value)
        {
            writer.WriteBoolean(true, Asn1Tag.Context(tag, false));
        }
    }
}
