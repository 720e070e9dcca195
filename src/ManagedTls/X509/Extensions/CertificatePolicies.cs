using ManagedTls.Asn1;

namespace ManagedTls.X509;

/// <summary>certificatePolicies (RFC 5280 §4.2.1.4).</summary>
/// <param name="Policies">The policies in encoded order.</param>
public sealed record CertificatePolicies(IReadOnlyList<PolicyInformation> Policies)
{
    /// <summary>Decodes the extnValue.</summary>
    /// <param name="value">The extension's value octets.</param>
    /// <returns>The policies.</returns>
    /// <exception cref="X509FormatException">Malformed (<see cref="X509FormatError.InvalidExtension"/>).</exception>
    public static CertificatePolicies Decode(ReadOnlySpan<byte> value) => ExtensionDecoding.Run(value, "certificatePolicies", static (ref DerReader reader) =>
    {
        DerReader sequence = reader.ReadSequence();
        var policies = new List<PolicyInformation>();
        while (sequence.HasData)
        {
            policies.Add(PolicyInformation.Decode(ref sequence));
        }

        return new CertificatePolicies(policies.AsReadOnly());
    });

    /// <summary>The extnValue DER.</summary>
    /// <returns>The encoding.</returns>
    public byte[] Encode() => ExtensionDecoding.Encode(writer =>
    {
        using (writer.PushSequence())
        {
            foreach (PolicyInformation policy in Policies)
            {
                policy.Encode(writer);
            }
        }
    });

    /// <summary>A certificatePolicies extension holding <see cref="Encode"/>.</summary>
    /// <param name="critical">The critical flag.</param>
    /// <returns>The extension.</returns>
    public X509Extension ToExtension(bool critical = false) => new(Oids.CertificatePolicies, critical, Encode());
}
