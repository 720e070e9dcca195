using System.Globalization;
using System.Numerics;
using System.Text;
using ManagedTls.Asn1;
using ManagedTls.X509;
using ModelExtension = ManagedTls.X509.X509Extension;

namespace ManagedTls.OpenSsl;

/// <summary>
/// pyOpenSSL's <c>OpenSSL.crypto.Revoked</c>: one entry of a CRL — serial number, revocation date and entry extensions
/// (the reason code among them). <see cref="CRL.AddRevoked"/> and <see cref="CRL.GetRevoked"/> copy entries.
/// </summary>
public sealed class Revoked
{
    private const string ReasonCodeOid = "2.5.29.21";

    // pyOpenSSL's _crl_reasons (OCSP_crl_reason_str spellings; removeFromCRL left out, as in pyOpenSSL).
    private static readonly string[] s_reasons =
    [
        "unspecified", "keyCompromise", "CACompromise", "affiliationChanged", "superseded", "cessationOfOperation", "certificateHold",
    ];

    private readonly List<ModelExtension> _extensions = [];
    private BigInteger _serial;
    private DateTimeOffset? _revocationDate;
    private string? _revocationDateText;

    /// <summary>Creates an empty entry (<c>Revoked()</c>): serial 0, no date, no extensions.</summary>
    public Revoked()
    {
    }

    internal Revoked(RevokedCertificate entry)
    {
        _serial = entry.SerialNumberValue;
        _revocationDate = entry.RevocationDate;
        _extensions.AddRange(entry.Extensions);
    }

    private Revoked(Revoked other)
    {
        _serial = other._serial;
        _revocationDate = other._revocationDate;
        _revocationDateText = other._revocationDateText;
        _extensions.AddRange(other._extensions);
    }

    internal BigInteger Serial => _serial;

    /// <summary>The reason strings <see cref="SetReason"/> accepts (<c>all_reasons</c>): a new list each call.</summary>
    /// <returns><c>unspecified</c>, <c>keyCompromise</c>, <c>CACompromise</c>, <c>affiliationChanged</c>, <c>superseded</c>, <c>cessationOfOperation</c>, <c>certificateHold</c>.</returns>
    public static List<string> AllReasons() => [.. s_reasons];

    /// <summary>
    /// Sets the serial number from hexadecimal text (<c>set_serial</c>, <c>BN_hex2bn</c>): an optional <c>-</c>, then
    /// the leading hex digits (either case); anything after them is ignored, as OpenSSL does.
    /// </summary>
    /// <param name="hexString">E.g. <c>3ab</c> or <c>0F</c>.</param>
    /// <exception cref="ArgumentException">No hex digit at the start ("bad hex string").</exception>
    public void SetSerial(string hexString)
    {
        ArgumentNullException.ThrowIfNull(hexString);
        int at = hexString.StartsWith('-') ? 1 : 0;
        int end = at;
        while (end < hexString.Length && char.IsAsciiHexDigit(hexString[end]))
        {
            end++;
        }

        if (end == at)
        {
            throw new ArgumentException("bad hex string", nameof(hexString));
        }

        BigInteger value = BigInteger.Parse("0" + hexString[at..end], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        _serial = at == 1 ? -value : value;
    }

    /// <summary>
    /// The serial number as <c>i2a_ASN1_INTEGER</c> writes it (<c>get_serial</c>): upper-case hex, an even number of
    /// digits (<c>00</c> for zero), a leading <c>-</c> for a negative serial, and <c>\</c> plus a newline after every 35 bytes.
    /// </summary>
    /// <returns>The text.</returns>
    public string GetSerial()
    {
        byte[] magnitude = BigInteger.Abs(_serial).ToByteArray(isUnsigned: true, isBigEndian: true);
        if (magnitude.Length == 0)
        {
            magnitude = [0];
        }

        var text = new StringBuilder(magnitude.Length * 2 + 4);
        if (_serial.Sign < 0)
        {
            text.Append('-');
        }

        for (int i = 0; i < magnitude.Length; i++)
        {
            if (i > 0 && i % 35 == 0)
            {
                text.Append("\\\n");
            }

            text.Append(magnitude[i].ToString("X2", CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    /// <summary>
    /// Sets the reason code (<c>set_reason</c>) from one of <see cref="AllReasons"/>, compared ignoring case and spaces
    /// (<c>"Key Compromise"</c> works); null deletes the reason. The reasonCode extension goes after the entry's other extensions.
    /// </summary>
    /// <param name="reason">The reason or null.</param>
    /// <exception cref="ArgumentException">Not a known reason (pyOpenSSL's <c>ValueError</c> from <c>list.index</c>).</exception>
    public void SetReason(string? reason)
    {
        if (reason is null)
        {
            DeleteReason();
            return;
        }

        string wanted = reason.ToLowerInvariant().Replace(" ", string.Empty, StringComparison.Ordinal);
        int code = Array.FindIndex(s_reasons, r => r.ToLowerInvariant() == wanted);
        if (code < 0)
        {
            throw new ArgumentException($"'{reason}' is not in list", nameof(reason));
        }

        DeleteReason();
        using var writer = new DerWriter();
        writer.WriteEnumerated(code);
        _extensions.Add(new ModelExtension(ReasonCodeOid, false, writer.ToArray()));
    }

    /// <summary>
    /// The reason as OpenSSL prints the reasonCode extension (<c>get_reason</c>): <c>Unspecified</c>, <c>Key Compromise</c>,
    /// <c>CA Compromise</c>, <c>Affiliation Changed</c>, <c>Superseded</c>, <c>Cessation Of Operation</c>,
    /// <c>Certificate Hold</c>, <c>Remove From CRL</c>, <c>Privilege Withdrawn</c>, <c>AA Compromise</c>; null when there is none.
    /// </summary>
    /// <returns>The reason text or null.</returns>
    public string? GetReason()
    {
        ModelExtension? extension = _extensions.Find(e => e.Oid == ReasonCodeOid);
        if (extension is null)
        {
            return null;
        }

        try
        {
            var reader = new DerReader(extension.Value.Span);
            int code = reader.ReadEnumerated();
            reader.ExpectEmpty();
            return code switch
            {
                0 => "Unspecified",
                1 => "Key Compromise",
                2 => "CA Compromise",
                3 => "Affiliation Changed",
                4 => "Superseded",
                5 => "Cessation Of Operation",
                6 => "Certificate Hold",
                8 => "Remove From CRL",
                9 => "Privilege Withdrawn",
                10 => "AA Compromise",
                _ => code.ToString(CultureInfo.InvariantCulture),
            };
        }
        catch (DecodeException)
        {
            return Encoding.Latin1.GetString(extension.Value.Span); // M_ASN1_OCTET_STRING_print: the raw octets
        }
    }

    /// <summary>Sets the revocation date (<c>set_rev_date</c>) from <c>YYYYMMDDhhmmssZ</c> or another form <c>ASN1_TIME_set_string</c> accepts.</summary>
    /// <param name="when">The timestamp.</param>
    /// <exception cref="ArgumentException">Not a timestamp ("Invalid string").</exception>
    public void SetRevDate(string when)
    {
        _revocationDate = Asn1TimeText.Parse(when);
        _revocationDateText = when;
    }

    /// <summary>The revocation date (<c>get_rev_date</c>) as <c>YYYYMMDDhhmmssZ</c> (a string set is returned as given); null when unset.</summary>
    /// <returns>The timestamp or null.</returns>
    public string? GetRevDate() => _revocationDateText ?? (_revocationDate is { } t ? Asn1TimeText.Format(t) : null);

    internal Revoked Copy() => new(this);

    internal RevokedCertificateEntry ToEntry()
    {
        var entry = new RevokedCertificateEntry(
            _serial,
            _revocationDate ?? throw new CryptoException("x509 certificate routines", "X509_CRL_sign", "revocation date is not set"));
        foreach (ModelExtension extension in _extensions)
        {
            entry.Extensions.Add(extension);
        }

        return entry;
    }

    private void DeleteReason()
    {
        int index = _extensions.FindIndex(e => e.Oid == ReasonCodeOid);
        if (index >= 0)
        {
            _extensions.RemoveAt(index);
        }
    }
}
