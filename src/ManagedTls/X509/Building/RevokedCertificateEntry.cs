using System.Numerics;
using ManagedTls.Asn1;

namespace ManagedTls.X509;

/// <summary>One revoked certificate for a <see cref="CertificateRevocationListBuilder"/> (RFC 5280 §5.1.2.6): mutable, copied by value.</summary>
public sealed class RevokedCertificateEntry
{
    /// <summary>Creates an empty entry (serial 0, revocation date now in whole seconds).</summary>
    public RevokedCertificateEntry()
    {
        RevocationDate = X509BuildEncoding.Truncate(DateTimeOffset.UtcNow);
    }

    /// <summary>Creates an entry.</summary>
    /// <param name="serialNumber">The revoked certificate's serial number.</param>
    /// <param name="revocationDate">When it was revoked.</param>
    public RevokedCertificateEntry(BigInteger serialNumber, DateTimeOffset revocationDate)
    {
        SerialNumber = serialNumber;
        RevocationDate = revocationDate;
    }

    /// <summary>The revoked certificate's serial number (any size, zero and negative allowed).</summary>
    public BigInteger SerialNumber { get; set; }

    /// <summary>The revocation date; fractions of a second are dropped when written.</summary>
    public DateTimeOffset RevocationDate { get; set; }

    /// <summary>Entry extensions (reasonCode, invalidityDate, certificateIssuer, ...), written in order.</summary>
    public IList<X509Extension> Extensions { get; } = new List<X509Extension>();

    /// <summary>Copies a decoded entry.</summary>
    /// <param name="revoked">The entry.</param>
    /// <returns>A new entry with the same serial, date and extensions.</returns>
    public static RevokedCertificateEntry From(RevokedCertificate revoked)
    {
        ArgumentNullException.ThrowIfNull(revoked);
        var entry = new RevokedCertificateEntry(revoked.SerialNumberValue, revoked.RevocationDate);
        foreach (X509Extension extension in revoked.Extensions)
        {
            entry.Extensions.Add(extension);
        }

        return entry;
    }

    internal void Encode(DerWriter writer)
    {
        X509BuildEncoding.CheckDuplicates(Extensions, $"the CRL entry for serial {SerialNumber}");
        using (writer.PushSequence())
        {
            writer.WriteInteger(SerialNumber);
            X509BuildEncoding.WriteTime(writer, RevocationDate);
            if (Extensions.Count > 0)
            {
                X509BuildEncoding.WriteExtensions(writer, Extensions);
            }
        }
    }
}
