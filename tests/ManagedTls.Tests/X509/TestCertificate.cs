using ManagedTls.Asn1;

namespace ManagedTls.Tests.X509;

/// <summary>
/// Builds certificate DER field by field so tests can hand OpenSSL and ManagedTls the same odd certificates (v1,
/// explicit versions, negative serials, duplicate extensions, every Name string type). The signature is not valid;
/// neither parser checks it.
/// </summary>
public sealed record TestCertificate
{
    public const string P256Spki = "3059301306072a8648ce3d020106082a8648ce3d03010703420004a7fd26eef490a91ffbb95c76fc042599d5a0c817580c06321a6cb7c9da8616b76ba7141196558e4f5046b6f87b24966c578134e3fca93dd8b95883edef2fea52";

    public int? Version { get; init; } = 2;

    public byte[] Serial { get; init; } = [0x01, 0x23];

    public string SignatureOid { get; init; } = "1.2.840.10045.4.3.2";

    public string? OuterSignatureOid { get; init; }

    public byte[] Issuer { get; init; } = Name(("2.5.4.3", Asn1Tag.Utf8String, "Test CA"u8.ToArray()));

    public byte[] Subject { get; init; } = Name(("2.5.4.3", Asn1Tag.Utf8String, "leaf"u8.ToArray()));

    public (Asn1Tag Tag, string Text) NotBefore { get; init; } = (Asn1Tag.UtcTime, "200101000000Z");

    public (Asn1Tag Tag, string Text) NotAfter { get; init; } = (Asn1Tag.GeneralizedTime, "20510101000000Z");

    public byte[] Spki { get; init; } = Convert.FromHexString(P256Spki);

    public byte[]? IssuerUniqueId { get; init; }

    public byte[]? SubjectUniqueId { get; init; }

    public IReadOnlyList<(string Oid, bool? Critical, byte[] Value)>? Extensions { get; init; } =
        [("2.5.29.19", true, [0x30, 0x00])];

    /// <summary>A Name with one attribute per RDN.</summary>
    public static byte[] Name(params (string Oid, Asn1Tag Tag, byte[] Content)[] attributes)
    {
        using var w = new DerWriter();
        using (w.PushSequence())
        {
            foreach (var (oid, tag, content) in attributes)
            {
                using (w.PushSetOf())
                {
                    WriteAttribute(w, oid, tag, content);
                }
            }
        }

        return w.ToArray();
    }

    /// <summary>A Name of RDNs given as lists of attributes, written in the given order (SET OF order not enforced).</summary>
    public static byte[] NameOfRdns(params (string Oid, Asn1Tag Tag, byte[] Content)[][] rdns)
    {
        using var w = new DerWriter();
        using (w.PushSequence())
        {
            foreach (var rdn in rdns)
            {
                using (w.PushSequence(Asn1Tag.SetOf))
                {
                    foreach (var (oid, tag, content) in rdn)
                    {
                        WriteAttribute(w, oid, tag, content);
                    }
                }
            }
        }

        return w.ToArray();
    }

    public byte[] ToDer()
    {
        using var w = new DerWriter();
        using (w.PushSequence())
        {
            using (w.PushSequence())
            {
                if (Version is int version)
                {
                    using (w.PushExplicit(0))
                    {
                        w.WriteInteger(version);
                    }
                }

                w.WriteInteger(Serial);
                WriteAlgorithm(w, SignatureOid);
                w.WriteEncodedValue(Issuer);
                using (w.PushSequence())
                {
                    w.WritePrimitive(NotBefore.Tag, System.Text.Encoding.ASCII.GetBytes(NotBefore.Text));
                    w.WritePrimitive(NotAfter.Tag, System.Text.Encoding.ASCII.GetBytes(NotAfter.Text));
                }

                w.WriteEncodedValue(Subject);
                w.WriteEncodedValue(Spki);
                if (IssuerUniqueId is not null)
                {
                    w.WriteBitString(IssuerUniqueId, 0, Asn1Tag.Context(1, false));
                }

                if (SubjectUniqueId is not null)
                {
                    w.WriteBitString(SubjectUniqueId, 0, Asn1Tag.Context(2, false));
                }

                if (Extensions is not null)
                {
                    using (w.PushExplicit(3))
                    using (w.PushSequence())
                    {
                        foreach (var (oid, critical, value) in Extensions)
                        {
                            using (w.PushSequence())
                            {
                                w.WriteObjectIdentifier(oid);
                                if (critical is bool c)
                                {
                                    w.WriteBoolean(c);
                                }

                                w.WriteOctetString(value);
                            }
                        }
                    }
                }
            }

            WriteAlgorithm(w, OuterSignatureOid ?? SignatureOid);
            w.WriteBitString(new byte[] { 0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01 });
        }

        return w.ToArray();
    }

    private static void WriteAttribute(DerWriter w, string oid, Asn1Tag tag, byte[] content)
    {
        using (w.PushSequence())
        {
            w.WriteObjectIdentifier(oid);
            if (tag.IsConstructed)
            {
                w.WriteEncodedValue(content);
            }
            else
            {
                w.WritePrimitive(tag, content);
            }
        }
    }

    private static void WriteAlgorithm(DerWriter w, string oid)
    {
        using (w.PushSequence())
        {
            w.WriteObjectIdentifier(oid);
        }
    }
}
