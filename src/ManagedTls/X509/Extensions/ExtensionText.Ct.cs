using System.Globalization;
using System.Text;

namespace ManagedTls.X509;

/// <content>The SCT list printer (crypto/ct/ct_prn.c: SCT_LIST_print with "\n" between SCTs).</content>
internal static partial class ExtensionText
{
    private static readonly string[] s_monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    private static string FormatTimestamps(SignedCertificateTimestampList list, int indent)
    {
        var text = new StringBuilder();
        for (int i = 0; i < list.Timestamps.Count; i++)
        {
            if (i > 0)
            {
                text.Append('\n');
            }

            AppendTimestamp(text, list.Timestamps[i], indent);
        }

        return text.ToString();
    }

    private static void AppendTimestamp(StringBuilder text, SignedCertificateTimestamp sct, int indent)
    {
        string pad4 = new(' ', indent + 4);
        text.Append(' ', indent).Append("Signed Certificate Timestamp:");
        text.Append('\n').Append(pad4).Append("Version   : ");
        if (sct.Version != 0)
        {
            text.Append("unknown\n").Append(' ', indent + 16);
            AppendHexString(text, indent + 16, sct.RawData.Span);
            return;
        }

        text.Append("v1 (0x0)");
        text.Append('\n').Append(pad4).Append("Log ID    : ");
        AppendHexString(text, indent + 16, sct.LogId.Span);
        text.Append('\n').Append(pad4).Append("Timestamp : ").Append(FormatSctTime(sct.Timestamp));
        text.Append('\n').Append(pad4).Append("Extensions: ");
        if (sct.Extensions.IsEmpty)
        {
            text.Append("none");
        }
        else
        {
            AppendHexString(text, indent + 16, sct.Extensions.Span);
        }

        text.Append('\n').Append(pad4).Append("Signature : ").Append(sct.SignatureAlgorithm == 3 ? "ecdsa-with-SHA256" : "sha256WithRSAEncryption");
        text.Append('\n').Append(pad4).Append("            ");
        AppendHexString(text, indent + 16, sct.Signature.Span);
    }

    // BIO_hex_string with width 16: "XX:" per octet, a newline and the indent after every 16.
    private static void AppendHexString(StringBuilder text, int indent, ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            return;
        }

        int column = 0;
        int i;
        for (i = 0; i < data.Length - 1; i++)
        {
            if (i > 0 && column == 0)
            {
                text.Append(' ', indent);
            }

            text.Append(data[i].ToString("X2", CultureInfo.InvariantCulture)).Append(':');
            column = (column + 1) % 16;
            if (column == 0)
            {
                text.Append('\n');
            }
        }

        if (i > 0 && column == 0)
        {
            text.Append(' ', indent);
        }

        text.Append(data[^1].ToString("X2", CultureInfo.InvariantCulture));
    }

    // timestamp_print: always three fraction digits; nothing when the year leaves the GeneralizedTime range.
    private static string FormatSctTime(ulong milliseconds)
    {
        if (milliseconds > (ulong)(DateTimeOffset.MaxValue.ToUnixTimeMilliseconds()))
        {
            return string.Empty;
        }

        DateTime utc = DateTimeOffset.FromUnixTimeMilliseconds((long)milliseconds).UtcDateTime;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{s_monthNames[utc.Month - 1]} {utc.Day,2} {utc.Hour:D2}:{utc.Minute:D2}:{utc.Second:D2}.{utc.Millisecond:D3} {utc.Year} GMT");
    }
}
