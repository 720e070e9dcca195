using ManagedTls.Asn1;
using ManagedTls.Signatures;

namespace ManagedTls.X509;

/// <summary>Encoding steps the three builders share: RFC 5280 times, extension lists and the signed envelope.</summary>
internal static class X509BuildEncoding
{
    /// <summary>The empty name (an empty RDNSequence).</summary>
    public static DistinguishedName EmptyName { get; } = DistinguishedName.Create(Array.Empty<IReadOnlyList<AttributeTypeAndValue>>());

    /// <summary>Drops fractions of a second and converts to UTC (RFC 5280 §4.1.2.5: whole seconds, Zulu).</summary>
    public static DateTimeOffset Truncate(DateTimeOffset value)
    {
        DateTime utc = value.UtcDateTime;
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }

    /// <summary>Writes a Time: UTCTime for 1950–2049, GeneralizedTime otherwise (RFC 5280 §4.1.2.5, §5.1.2.4).</summary>
    public static void WriteTime(DerWriter writer, DateTimeOffset value)
    {
        DateTimeOffset utc = Truncate(value);
        if (utc.Year is >= 1950 and <= 2049)
        {
            writer.WriteUtcTime(utc);
        }
        else
        {
            writer.WriteGeneralizedTime(utc, omitFractionalSeconds: true);
        }
    }

    /// <summary>Rejects raw SubjectPublicKeyInfo that is not exactly one DER SEQUENCE.</summary>
    public static void CheckSpki(ReadOnlySpan<byte> spki)
    {
        try
        {
            var reader = new DerReader(spki);
            DerReader sequence = reader.ReadSequence();
            reader.ExpectEmpty();
            _ = sequence;
        }
        catch (DecodeException e)
        {
            throw new X509BuildException(X509BuildError.InvalidPublicKeyInfo, $"SubjectPublicKeyInfo is not one DER SEQUENCE: {e.Message}");
        }
    }

    /// <summary>Rejects a repeated OID and returns nothing when the list is fine.</summary>
    public static void CheckDuplicates(IEnumerable<X509Extension> extensions, string where)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (X509Extension extension in extensions)
        {
            ArgumentNullException.ThrowIfNull(extension, nameof(extensions));
            if (!seen.Add(extension.Oid))
            {
                throw new X509BuildException(X509BuildError.DuplicateExtension, $"Extension {extension.ShortName} ({extension.Oid}) appears twice in {where} (RFC 5280 §4.2).");
            }
        }
    }

    /// <summary>Writes <c>Extensions ::= SEQUENCE SIZE (1..MAX) OF Extension</c>.</summary>
    public static void WriteExtensions(DerWriter writer, IEnumerable<X509Extension> extensions)
    {
        using (writer.PushSequence())
        {
            foreach (X509Extension extension in extensions)
            {
                extension.Encode(writer);
            }
        }
    }

    /// <summary>Signs <paramref name="toBeSigned"/> and wraps it as <c>SEQUENCE { tbs, AlgorithmIdentifier, BIT STRING }</c>.</summary>
    public static byte[] SignEnvelope(byte[] toBeSigned, Keys.PrivateKey key, SignatureAlgorithm algorithm)
    {
        byte[] signature = Signer.Sign(key, algorithm, toBeSigned);
        using var writer = new DerWriter();
        using (writer.PushSequence())
        {
            writer.WriteEncodedValue(toBeSigned);
            algorithm.Encode(writer);
            writer.WriteBitString(signature);
        }

        return writer.ToArray();
    }
}
