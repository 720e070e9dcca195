using System.Numerics;
using ManagedTls.Asn1;

namespace ManagedTls.X509;

/// <summary>policyConstraints (RFC 5280 §4.2.1.11).</summary>
/// <param name="RequireExplicitPolicy">requireExplicitPolicy SkipCerts, or null when absent.</param>
/// <param name="InhibitPolicyMapping">inhibitPolicyMapping SkipCerts, or null when absent.</param>
public sealed record PolicyConstraints(BigInteger? RequireExplicitPolicy, BigInteger? InhibitPolicyMapping)
{
    /// <summary>Decodes the extnValue.</summary>
    /// <param name="value">The extension's value octets.</param>
    /// <returns>The constraints.</returns>
    /// <exception cref="X509FormatException">Malformed (<see cref="X509FormatError.InvalidExtension"/>).</exception>
    public static PolicyConstraints Decode(ReadOnlySpan<byte> value) => ExtensionDecoding.Run(value, "policyConstraints", static (ref DerReader reader) =>
    {
        DerReader sequence = reader.ReadSequence();
        BigInteger? require = sequence.NextTagIs(Asn1Tag.Context(0, false)) ? sequence.ReadInteger(Asn1Tag.Context(0, false)) : null;
        BigInteger? inhibit = sequence.NextTagIs(Asn1Tag.Context(1, false)) ? sequence.ReadInteger(Asn1Tag.Context(1, false)) : null;
        sequence.ExpectEmpty();
        return new PolicyConstraints(require, inhibit);
    });

    /// <summary>The extnValue DER.</summary>
    /// <returns>The encoding.</returns>
    public byte[] Encode() => ExtensionDecoding.Encode(writer =>
    {
        using (writer.PushSequence())
        {
            if (RequireExplicitPolicy is { } require)
            {
                writer.WriteInteger(require, Asn1Tag.Context(0, false));
            }

            if (InhibitPolicyMapping is { } inhibit)
            {
                writer.WriteInteger(inhibit, Asn1Tag.Context(1, false));
            }
        }
    });

    /// <summary>A policyConstraints extension holding <see cref="Encode"/>.</summary>
    /// <param name="critical">The critical flag (RFC 5280: MUST be critical).</param>
    /// <returns>The extension.</returns>
    public X509Extension ToExtension(bool critical = false) => new(Oids.PolicyConstraints, critical, Encode());
}
