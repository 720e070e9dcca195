using System.Globalization;
using System.Text;

namespace ManagedTls.X509.Trust;

/// <summary>
/// Reads NSS's <c>certdata.txt</c> (the source of Mozilla's root store) into a <see cref="CaBundle"/>.
/// </summary>
/// <remarks>
/// <para>The file is a list of PKCS#11 objects after a <c>BEGINDATA</c> line. Each object starts at its
/// <c>CKA_CLASS</c> line; an attribute line is <c>NAME TYPE VALUE</c>, except <c>MULTILINE_OCTAL</c> values, which
/// follow on lines of <c>\ooo</c> escapes up to <c>END</c>. Comments (<c>#</c>) and blank lines are ignored.</para>
/// <para>The traps this parser handles: a certificate (<c>CKO_CERTIFICATE</c>) and its trust (<c>CKO_NSS_TRUST</c>)
/// are separate objects joined by issuer + serial number (the DER of <c>CKA_ISSUER</c> and <c>CKA_SERIAL_NUMBER</c>),
/// never by position; a trust object may name a certificate the file does not hold (explicit distrust of
/// mis-issued CAs), which becomes a <see cref="CaDistrustEntry"/>; serial numbers may be zero; the distrust-after
/// attributes are either <c>CK_BBOOL CK_FALSE</c> or a UTCTime in <c>MULTILINE_OCTAL</c> and may sit on either object
/// (a date on either wins over <c>CK_FALSE</c>; two different dates keep the earlier); a trust object's
/// <c>CKA_CERT_SHA1_HASH</c> must match the certificate it names.</para>
/// </remarks>
public static class CertdataParser
{
    private const string MultilineOctal = "MULTILINE_OCTAL";

    /// <summary>Parses certdata.txt text.</summary>
    /// <param name="text">The file's text.</param>
    /// <returns>The roots (certificates with their trust) and the certificate-less trust entries, in file order.</returns>
    /// <exception cref="CertdataFormatException">The text is malformed or inconsistent.</exception>
    public static CaBundle Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        List<CertdataObject> objects = ReadObjects(text);
        var certificates = new List<CertdataObject>();
        var trusts = new Dictionary<string, CertdataObject>(StringComparer.Ordinal);
        var trustOrder = new List<CertdataObject>();
        foreach (CertdataObject o in objects)
        {
            switch (o.Class)
            {
                case "CKO_CERTIFICATE":
                    certificates.Add(o);
                    break;
                case "CKO_NSS_TRUST":
                    string key = o.IssuerSerialKey();
                    if (!trusts.TryAdd(key, o))
                    {
                        throw new CertdataFormatException(o.Line, $"a second trust object for the same issuer and serial ({o.Label}).");
                    }

                    trustOrder.Add(o);
                    break;
            }
        }

        var roots = new List<CaRoot>(certificates.Count);
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (CertdataObject c in certificates)
        {
            string key = c.IssuerSerialKey();
            trusts.TryGetValue(key, out CertdataObject? t);
            if (t is not null)
            {
                used.Add(key);
            }

            roots.Add(BuildRoot(c, t));
        }

        var distrust = new List<CaDistrustEntry>();
        foreach (CertdataObject t in trustOrder)
        {
            if (used.Contains(t.IssuerSerialKey()))
            {
                continue;
            }

            DistinguishedName issuer = DecodeName(t, t.Bytes("CKA_ISSUER"));
            byte[] serial = SerialContent(t);
            distrust.Add(new CaDistrustEntry(t.Label, issuer, serial, t.OptionalBytes("CKA_CERT_SHA1_HASH"), ReadTrust(t)));
        }

        return new CaBundle(roots, distrust);
    }

    private static CaRoot BuildRoot(CertdataObject c, CertdataObject? t)
    {
        Certificate certificate;
        try
        {
            certificate = Certificate.Decode(c.Bytes("CKA_VALUE"));
        }
        catch (X509FormatException e)
        {
            throw new CertdataFormatException($"certdata.txt line {c.Line}: certificate \"{c.Label}\" does not parse: {e.Message}", e);
        }

        // The object's issuer/serial attributes are what trust objects match on: they must describe the certificate.
        if (!certificate.Issuer.RawData.Span.SequenceEqual(c.Bytes("CKA_ISSUER")) ||
            !certificate.SerialNumber.Span.SequenceEqual(SerialContent(c)))
        {
            throw new CertdataFormatException(c.Line, $"CKA_ISSUER/CKA_SERIAL_NUMBER of \"{c.Label}\" do not match its certificate.");
        }

        CaTrust trust = new(CaTrustLevel.Unknown, CaTrustLevel.Unknown, CaTrustLevel.Unknown);
        DateTimeOffset? server = c.DistrustAfter("CKA_NSS_SERVER_DISTRUST_AFTER");
        DateTimeOffset? email = c.DistrustAfter("CKA_NSS_EMAIL_DISTRUST_AFTER");
        if (t is not null)
        {
            if (t.OptionalBytes("CKA_CERT_SHA1_HASH") is { } sha1 &&
                !certificate.GetDigest(Crypto.HashAlgorithmId.Sha1).AsSpan().SequenceEqual(sha1))
            {
                throw new CertdataFormatException(t.Line, $"CKA_CERT_SHA1_HASH of trust \"{t.Label}\" does not match the certificate.");
            }

            trust = ReadTrust(t);
            server = Earlier(server, t.DistrustAfter("CKA_NSS_SERVER_DISTRUST_AFTER"));
            email = Earlier(email, t.DistrustAfter("CKA_NSS_EMAIL_DISTRUST_AFTER"));
        }

        return new CaRoot(c.Label, certificate, trust, server, email);
    }

    private static DateTimeOffset? Earlier(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : (a.Value <= b.Value ? a : b);

    private static CaTrust ReadTrust(CertdataObject t) =>
        new(t.TrustLevel("CKA_TRUST_SERVER_AUTH"), t.TrustLevel("CKA_TRUST_EMAIL_PROTECTION"), t.TrustLevel("CKA_TRUST_CODE_SIGNING"));

    private static DistinguishedName DecodeName(CertdataObject o, byte[] der)
    {
        try
        {
            return DistinguishedName.Decode(der);
        }
        catch (Exception e) when (e is X509FormatException or Asn1.DecodeException)
        {
            throw new CertdataFormatException($"certdata.txt line {o.Line}: CKA_ISSUER of \"{o.Label}\" is not a Name: {e.Message}", e);
        }
    }

    // CKA_SERIAL_NUMBER holds the DER INTEGER (tag, length, content); certificates expose the content octets.
    private static byte[] SerialContent(CertdataObject o)
    {
        byte[] der = o.Bytes("CKA_SERIAL_NUMBER");
        try
        {
            var reader = new Asn1.DerReader(der);
            byte[] content = reader.ReadIntegerBytes().ToArray();
            reader.ExpectEmpty();
            return content;
        }
        catch (Asn1.DecodeException e)
        {
            throw new CertdataFormatException($"certdata.txt line {o.Line}: CKA_SERIAL_NUMBER of \"{o.Label}\" is not a DER INTEGER: {e.Message}", e);
        }
    }

    private static List<CertdataObject> ReadObjects(string text)
    {
        var objects = new List<CertdataObject>();
        string[] lines = text.Split('\n');
        bool data = false;
        CertdataObject? current = null;
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].TrimEnd('\r');
            int lineNumber = i + 1;
            if (!data)
            {
                data = line.Trim() == "BEGINDATA";
                continue;
            }

            string trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed[0] == '#')
            {
                continue;
            }

            string[] parts = trimmed.Split((char[]?)null, 3, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2 || !parts[0].StartsWith("CKA_", StringComparison.Ordinal))
            {
                throw new CertdataFormatException(lineNumber, $"expected an attribute line, found \"{trimmed}\".");
            }

            string name = parts[0];
            string type = parts[1];
            CertdataValue value;
            if (type == MultilineOctal)
            {
                value = new CertdataValue(type, null, ReadOctal(lines, ref i));
            }
            else
            {
                if (parts.Length < 3)
                {
                    throw new CertdataFormatException(lineNumber, $"{name} has no value.");
                }

                value = new CertdataValue(type, type == "UTF8" ? Unquote(parts[2], lineNumber) : parts[2], null);
            }

            if (name == "CKA_CLASS")
            {
                current = new CertdataObject(value.Text!, lineNumber);
                objects.Add(current);
                continue;
            }

            if (current is null)
            {
                throw new CertdataFormatException(lineNumber, $"{name} before any CKA_CLASS.");
            }

            if (!current.Attributes.TryAdd(name, value))
            {
                throw new CertdataFormatException(lineNumber, $"{name} repeated in one object.");
            }
        }

        if (!data)
        {
            throw new CertdataFormatException("certdata.txt has no BEGINDATA line.");
        }

        return objects;
    }

    private static byte[] ReadOctal(string[] lines, ref int i)
    {
        int start = i + 1;
        var bytes = new List<byte>();
        for (i++; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (line == "END")
            {
                return bytes.ToArray();
            }

            for (int p = 0; p < line.Length; p += 4)
            {
                if (line.Length - p < 4 || line[p] != '\\' || !IsOctal(line[p + 1]) || !IsOctal(line[p + 2]) || !IsOctal(line[p + 3]))
                {
                    throw new CertdataFormatException(i + 1, "MULTILINE_OCTAL lines hold only \\ooo escapes.");
                }

                int v = ((line[p + 1] - '0') << 6) | ((line[p + 2] - '0') << 3) | (line[p + 3] - '0');
                if (v > 0xFF)
                {
                    throw new CertdataFormatException(i + 1, $"octal escape \\{line.AsSpan(p + 1, 3)} is above 377.");
                }

                bytes.Add((byte)v);
            }
        }

        throw new CertdataFormatException(start, "MULTILINE_OCTAL value without END.");
    }

    private static bool IsOctal(char c) => c is >= '0' and <= '7';

    private static string Unquote(string value, int line)
    {
        if (value.Length < 2 || value[0] != '"' || value[^1] != '"')
        {
            throw new CertdataFormatException(line, "a UTF8 value must be quoted.");
        }

        return value[1..^1];
    }

    private sealed record CertdataValue(string Type, string? Text, byte[]? Bytes);

    private sealed class CertdataObject(string objectClass, int line)
    {
        public string Class { get; } = objectClass;

        public int Line { get; } = line;

        public Dictionary<string, CertdataValue> Attributes { get; } = new(StringComparer.Ordinal);

        public string Label => Attributes.TryGetValue("CKA_LABEL", out CertdataValue? v) ? v.Text ?? string.Empty : string.Empty;

        public string IssuerSerialKey() => Convert.ToHexString(Bytes("CKA_ISSUER")) + "/" + Convert.ToHexString(Bytes("CKA_SERIAL_NUMBER"));

        public byte[] Bytes(string name) => OptionalBytes(name) ??
            throw new CertdataFormatException(Line, $"{Class} \"{Label}\" has no {name}.");

        public byte[]? OptionalBytes(string name)
        {
            if (!Attributes.TryGetValue(name, out CertdataValue? v))
            {
                return null;
            }

            return v.Bytes ?? throw new CertdataFormatException(Line, $"{name} of \"{Label}\" must be {MultilineOctal}, not {v.Type}.");
        }

        public CaTrustLevel TrustLevel(string name)
        {
            if (!Attributes.TryGetValue(name, out CertdataValue? v))
            {
                return CaTrustLevel.Unknown;
            }

            return (v.Type, v.Text) switch
            {
                ("CK_TRUST", "CKT_NSS_TRUSTED_DELEGATOR") => CaTrustLevel.TrustedDelegator,
                ("CK_TRUST", "CKT_NSS_MUST_VERIFY_TRUST") => CaTrustLevel.MustVerify,
                ("CK_TRUST", "CKT_NSS_NOT_TRUSTED") => CaTrustLevel.NotTrusted,
                ("CK_TRUST", "CKT_NSS_TRUST_UNKNOWN") => CaTrustLevel.Unknown,
                ("CK_TRUST", "CKT_NSS_TRUSTED") => CaTrustLevel.Trusted,
                ("CK_TRUST", "CKT_NSS_VALID_DELEGATOR") => CaTrustLevel.ValidDelegator,
                _ => throw new CertdataFormatException(Line, $"{name} of \"{Label}\" has an unknown value {v.Type} {v.Text}."),
            };
        }

        // CK_BBOOL CK_FALSE (no date) or MULTILINE_OCTAL holding a UTCTime's characters, e.g. "260415235959Z".
        public DateTimeOffset? DistrustAfter(string name)
        {
            if (!Attributes.TryGetValue(name, out CertdataValue? v))
            {
                return null;
            }

            if (v.Type == "CK_BBOOL" && v.Text == "CK_FALSE")
            {
                return null;
            }

            string time = v.Bytes is null ? string.Empty : Encoding.ASCII.GetString(v.Bytes);
            if (v.Type == MultilineOctal &&
                DateTimeOffset.TryParseExact(time, "yyMMddHHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset utc))
            {
                // UTCTime years: 50-99 are 19xx, 00-49 are 20xx (RFC 5280 §4.1.2.5.1).
                int year = int.Parse(time.AsSpan(0, 2), CultureInfo.InvariantCulture);
                int fullYear = year >= 50 ? 1900 + year : 2000 + year;
                return new DateTimeOffset(fullYear, utc.Month, utc.Day, utc.Hour, utc.Minute, utc.Second, TimeSpan.Zero);
            }

            throw new CertdataFormatException(Line, $"{name} of \"{Label}\" must be CK_BBOOL CK_FALSE or a UTCTime, not {v.Type} \"{time}\".");
        }
    }
}
