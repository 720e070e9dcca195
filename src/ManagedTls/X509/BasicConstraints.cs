using ManagedTls.Asn1;

namespace ManagedTls.X509;

/// <summary>basicConstraints (RFC 5280 §4.2.1.9).</summary>
/// <param name="CertificateAuthority">The cA flag.</param>
/// <param name="PathLengthConstraint">pathLenConstraint, or null when absent.</param>
public sealed record BasicConstraints(bool CertificateAuthority, int? PathLengthConstraint)
{
    /// <summary>Decodes the extnValue.</summary>
    /// <param name="value">The extension's value octets.</param>
    /// <returns>The constraints.</returns>
    /// <exception cref="X509FormatException">Malformed (<see cref="X509FormatError.InvalidExtension"/>).</exception>
    public static BasicConstraints Decode(ReadOnlySpan<byte> value) => ExtensionDecoding.Run(value, "basicConstraints", static (ref DerReader reader) =>
    {
        DerReader sequence = reader.ReadSequence();
        bool ca = sequence.NextTagIs(Asn1Tag.Boolean) && sequence.ReadBoolean();
        int? pathLength = null;
        if (sequence.HasData)
        {
            int offset = sequence.Offset;
            pathLength = sequence.ReadInt32();
            if (pathLength < 0)
            {
                throw new DecodeException(DecodeError.InvalidInteger, offset, "pathLenConstraint is INTEGER (0..MAX)");
            }
        }

        sequence.ExpectEmpty();
        return new BasicConstraints(ca, pathLength);
    });
}
