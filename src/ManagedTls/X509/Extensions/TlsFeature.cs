using System.Numerics;
using ManagedTls.Asn1;

namespace ManagedTls.X509;

/// <summary>The TLS feature extension (RFC 7633): TLS extension numbers, 5 (status_request) being OCSP must-staple.</summary>
/// <param name="Features">The feature INTEGERs in encoded order.</param>
public sealed record TlsFeature(IReadOnlyList<BigInteger> Features)
{
    /// <summary>Decodes the extnValue.</summary>
    /// <param name="value">The extension's value octets.</param>
    /// <returns>The features.</returns>
    /// <exception cref="X509FormatException">Malformed (<see cref="X509FormatError.InvalidExtension"/>).</exception>
    public static TlsFeature Decode(ReadOnlySpan<byte> value) => ExtensionDecoding.Run(value, "TLS feature", static (ref DerReader reader) =>
    {
        DerReader sequence = reader.ReadSequence();
        var features = new List<BigInteger>();
        while (sequence.HasData)
        {
            features.Add(sequence.ReadInteger());
        }

        return new TlsFeature(features.AsReadOnly());
    });

    /// <summary>The extnValue DER.</summary>
    /// <returns>The encoding.</returns>
    public byte[] Encode() => ExtensionDecoding.Encode(writer =>
    {
        using (writer.PushSequence())
        {
            foreach (BigInteger feature in Features)
            {
                writer.WriteInteger(feature);
            }
        }
    });

    /// <summary>A TLS feature extension holding <see cref="Encode"/>.</summary>
    /// <param name="critical">The critical flag.</param>
    /// <returns>The extension.</returns>
    public X509Extension ToExtension(bool critical = false) => new(Oids.TlsFeature, critical, Encode());
}
