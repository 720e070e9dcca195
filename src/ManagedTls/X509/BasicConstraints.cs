using ManagedTls.Asn1;

namespace ManagedTls.X509;

/// <summary>basicConstraints (RFC 5280 §4.2.1.9).</summary>
/// <param name="CertificateAuthority">The cA flag.</param>
/// <param name="PathLengthConstraint">pathLenConstraint, or null when absent.</param>
public sealed record BasicConstraints(bool CertificateAuthority, int? PathLengthConstraint)
{
    /// <summary>The extnValue DER: the cA BOOLEAN only when TRUE (DER omits a DEFAULT), then pathLenConstraint when set.</summary>
    /// <returns>The encoding.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="PathLengthConstraint"/> is negative.</exception>
    public byte[] Encode()
    {
        if (PathLengthConstraint < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(PathLengthConstraint), "pathLenConstraint is INTEGER (0..MAX).");
        }

        return ExtensionDecoding.Encode(writer =>
        {
            using (writer.PushSequence())
            {
                if (CertificateAuthority)
                {
                    writer.WriteBoolean(true);
                }

                if (PathLengthConstraint is int pathLength)
                {
                    writer.WriteInteger(pathLength);
                }
            }
        });
    }

    /// <summary>A basicConstraints extension holding <see cref="Encode"/>.</summary>
    /// <param name="critical">The critical flag (RFC 5280 wants it set in CA certificates).</param>
    /// <returns>The extension.</returns>
    public X509Extension ToExtension(bool critical = false) => new(Oids.BasicConstraints, critical, Encode());

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
