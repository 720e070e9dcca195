using System.Globalization;
using System.Numerics;
using System.Text;
using ManagedTls.X509;

namespace ManagedTls.Cli;

/// <summary>
/// openssl ca's text database (<c>index.txt</c>): one line per certificate, six tab-separated fields — status
/// (<c>V</c>, <c>R</c>, <c>E</c>), expiry (UTCTime text), revocation (<c>time[,reason[,extra]]</c>), serial (upper-case
/// hex), file name (<c>unknown</c>) and subject (<c>X509_NAME_oneline</c>). Saved as openssl does: <c>index.txt.new</c>
/// renamed over <c>index.txt</c> (the old one kept as <c>index.txt.old</c>), and <c>index.txt.attr</c>.
/// </summary>
internal sealed class CaDatabase
{
    private static readonly string[] s_reasons =
    [
        "unspecified", "keyCompromise", "CACompromise", "affiliationChanged", "superseded", "cessationOfOperation", "certificateHold", "removeFromCRL",
    ];

    private readonly List<string[]> _rows;
    private readonly string? _attributes;

    private CaDatabase(List<string[]> rows, string? attributes)
    {
        _rows = rows;
        _attributes = attributes;
    }

    /// <summary>Reads the database.</summary>
    /// <param name="path">The <c>database</c> file.</param>
    /// <returns>The rows.</returns>
    /// <exception cref="CommandException">Missing or malformed.</exception>
    public static CaDatabase Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CommandException($"Can't open \"{path}\" for reading, No such file or directory");
        }

        var rows = new List<string[]>();
        int number = 0;
        foreach (string line in text.Split('\n'))
        {
            number++;
            if (line.Length == 0)
            {
                continue;
            }

            string[] fields = line.Split('\t');
            if (fields.Length != 6)
            {
                throw new CommandException($"wrong number of fields on line {number} (looking for field 6, got {fields.Length}, '{line}' left)");
            }

            rows.Add(fields);
        }

        string? attributes = File.Exists(path + ".attr") ? File.ReadAllText(path + ".attr") : null;
        return new CaDatabase(rows, attributes);
    }

    /// <summary>Checks a <c>-crl_reason</c> name as <c>unpack_revinfo</c> does (case-insensitive).</summary>
    /// <param name="name">The name.</param>
    /// <returns>The canonical spelling.</returns>
    /// <exception cref="CommandException">Unknown.</exception>
    public static string CanonicalReason(string name) =>
        s_reasons.FirstOrDefault(r => r.Equals(name, StringComparison.OrdinalIgnoreCase)) ?? throw new CommandException($"Unknown CRL reason {name}");

    /// <summary>
    /// <c>do_revoke</c>: adds the certificate as valid when it is not in the database ("Adding Entry ..."), then marks
    /// it revoked now with <paramref name="revocationInfo"/> (the text after the time).
    /// </summary>
    /// <param name="certificate">The certificate.</param>
    /// <param name="revocationInfo">Makes "", ",keyCompromise", ",keyTime,20260101000000Z", ... (checked after the log lines, as openssl).</param>
    /// <param name="log">Standard error.</param>
    /// <exception cref="CommandException">Already revoked.</exception>
    public void Revoke(Certificate certificate, Func<string> revocationInfo, TextWriter log)
    {
        string serial = SerialNumbers.ToHex(certificate.SerialNumberValue);
        string[]? row = _rows.FirstOrDefault(r => r[3] == serial);
        if (row is null)
        {
            string subject = certificate.Subject.ToOneLineString();
            log.WriteLine($"Adding Entry with serial number {serial} to DB for {subject}");
            row = ["V", UtcText(certificate.NotAfter), string.Empty, serial, "unknown", subject];
            _rows.Add(row);
        }
        else if (row[0] == "R")
        {
            throw new CommandException($"ERROR:Already revoked, serial number {serial}");
        }

        log.WriteLine($"Revoking Certificate {serial}.");
        string info;
        try
        {
            info = revocationInfo();
        }
        catch (CommandException e)
        {
            throw new CommandException($"{e.Message}\nError in revocation arguments");
        }

        row[0] = "R";
        row[2] = UtcText(DateTimeOffset.UtcNow) + info;
    }

    /// <summary>Writes the database back with openssl's file rotation.</summary>
    /// <param name="path">The <c>database</c> file.</param>
    public void Save(string path)
    {
        var text = new StringBuilder();
        foreach (string[] row in _rows)
        {
            text.Append(string.Join('\t', row)).Append('\n');
        }

        CaCommand.SaveRotating(path + ".attr", _attributes ?? "unique_subject = yes\n");
        CaCommand.SaveRotating(path, text.ToString());
    }

    /// <summary>The revoked rows as CRL entries (<c>make_revoked</c>), sorted by serial as <c>X509_CRL_sort</c>.</summary>
    /// <returns>The entries.</returns>
    public IEnumerable<RevokedCertificateEntry> RevokedEntries()
    {
        var entries = new List<RevokedCertificateEntry>();
        foreach (string[] row in _rows)
        {
            if (row[0] != "R")
            {
                continue;
            }

            string[] parts = row[2].Split(',');
            var entry = new RevokedCertificateEntry(ParseSerial(row[3]), ParseTime(parts[0]));
            if (parts.Length > 1)
            {
                string reason = parts[1];
                DateTimeOffset? invalidity = null;
                if (reason is "keyTime" or "CAkeyTime" && parts.Length > 2)
                {
                    invalidity = ParseTime(parts[2]);
                    reason = reason == "keyTime" ? "keyCompromise" : "CACompromise";
                }

                int code = Array.FindIndex(s_reasons, r => r.Equals(reason, StringComparison.OrdinalIgnoreCase));
                if (code >= 0 && code != 7)
                {
                    entry.Extensions.Add(new CrlReasonCode((CrlReason)(code == 7 ? 8 : code)).ToExtension());
                }

                if (invalidity is not null)
                {
                    entry.Extensions.Add(new InvalidityDate(invalidity.Value).ToExtension());
                }
            }

            entries.Add(entry);
        }

        entries.Sort((a, b) => a.SerialNumber.CompareTo(b.SerialNumber));
        return entries;
    }

    /// <summary>UTCTime text (<c>YYMMDDHHMMSSZ</c>), as openssl stores times in the database.</summary>
    internal static string UtcText(DateTimeOffset time) => time.UtcDateTime.ToString("yyMMddHHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A UTCTime or GeneralizedTime text.</summary>
    internal static DateTimeOffset ParseTime(string text)
    {
        string format = text.Length == 13 ? "yyMMddHHmmss'Z'" : "yyyyMMddHHmmss'Z'";
        if (!DateTime.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out DateTime time))
        {
            throw new CommandException($"invalid time format in database: {text}");
        }

        if (text.Length == 13 && time.Year >= 2050)
        {
            time = time.AddYears(-100); // RFC 5280 §4.1.2.5.1: YY >= 50 is 19YY
        }

        return new DateTimeOffset(time, TimeSpan.Zero);
    }

    private static BigInteger ParseSerial(string hex) =>
        CaSerial.TryParseHex(hex, out BigInteger value) ? value : throw new CommandException($"invalid serial number in database: {hex}");
}
