using System.Text;
using ManagedTls.Crypto;
using ManagedTls.Random;

namespace ManagedTls.Pkcs.Cms;

/// <summary>
/// S/MIME (RFC 8551) wrapping as OpenSSL's <c>SMIME_write_PKCS7</c>/<c>SMIME_read_PKCS7</c> write and read it:
/// <c>multipart/signed</c> for a detached signature, <c>application/(x-)pkcs7-mime</c> for an opaque one, LF line ends
/// in the MIME headers and CRLF in canonical text, and OpenSSL's text canonicalisation (<c>SMIME_crlf_copy</c>).
/// </summary>
public static class Smime
{
    /// <summary>The most bytes one MIME header block may take when read.</summary>
    public const int MaxHeaderBytes = 64 * 1024;

    /// <summary>
    /// Canonicalises text as <c>SMIME_crlf_copy</c> does without the binary flag: every line end (LF, CRLF, or CRs
    /// before an LF) becomes CRLF; a last line without LF keeps none (trailing CRs dropped).
    /// </summary>
    /// <param name="text">The content.</param>
    /// <param name="addTextPlainHeader">Prefix <c>Content-Type: text/plain</c> and a blank line (<c>-text</c>).</param>
    /// <returns>The canonical bytes.</returns>
    public static byte[] Canonicalize(ReadOnlySpan<byte> text, bool addTextPlainHeader = false)
    {
        using var output = new MemoryStream(text.Length + (text.Length / 16) + 32);
        if (addTextPlainHeader)
        {
            output.Write("Content-Type: text/plain\r\n\r\n"u8);
        }

        while (!text.IsEmpty)
        {
            int newline = text.IndexOf((byte)'\n');
            bool eol = newline >= 0;
            ReadOnlySpan<byte> line = eol ? text[..newline] : text;
            text = eol ? text[(newline + 1)..] : default;
            int length = line.Length;
            while (length > 0 && line[length - 1] == (byte)'\r')
            {
                length--;
            }

            output.Write(line[..length]);
            if (eol)
            {
                output.Write("\r\n"u8);
            }
        }

        return output.ToArray();
    }

    /// <summary>Writes a detached signature as <c>multipart/signed</c>, the content as the first part.</summary>
    /// <param name="signature">The SignedData (without content).</param>
    /// <param name="content">The signed content, exactly as signed (canonical text, or binary).</param>
    /// <param name="oldMime">Use <c>application/x-pkcs7-*</c> (what <c>openssl smime</c> writes) instead of <c>application/pkcs7-*</c> (<c>openssl cms</c>).</param>
    /// <returns>The MIME message.</returns>
    public static byte[] WriteMultipartSigned(Pkcs7 signature, ReadOnlySpan<byte> content, bool oldMime = true)
    {
        ArgumentNullException.ThrowIfNull(signature);
        string prefix = oldMime ? "application/x-pkcs7-" : "application/pkcs7-";
        string boundary = NewBoundary();
        var text = new StringBuilder();
        text.Append("MIME-Version: 1.0\n")
            .Append("Content-Type: multipart/signed; protocol=\"").Append(prefix).Append("signature\"; micalg=\"").Append(MicAlg(signature))
            .Append("\"; boundary=\"----").Append(boundary).Append("\"\n\n")
            .Append("This is an S/MIME signed message\n\n")
            .Append("------").Append(boundary).Append('\n');
        using var output = new MemoryStream();
        output.Write(Encoding.ASCII.GetBytes(text.ToString()));
        output.Write(content);
        text.Clear()
            .Append("\n------").Append(boundary).Append('\n')
            .Append("Content-Type: ").Append(prefix).Append("signature; name=\"smime.p7s\"\n")
            .Append("Content-Transfer-Encoding: base64\n")
            .Append("Content-Disposition: attachment; filename=\"smime.p7s\"\n\n")
            .Append(Base64Lines(signature.RawData.Span))
            .Append("\n------").Append(boundary).Append("--\n\n");
        output.Write(Encoding.ASCII.GetBytes(text.ToString()));
        return output.ToArray();
    }

    /// <summary>Writes an opaque (content-carrying) message as <c>application/(x-)pkcs7-mime</c>.</summary>
    /// <param name="message">The PKCS#7.</param>
    /// <param name="oldMime">Use the <c>x-</c> media type as <c>openssl smime</c> does.</param>
    /// <returns>The MIME message.</returns>
    public static byte[] WriteOpaque(Pkcs7 message, bool oldMime = true)
    {
        ArgumentNullException.ThrowIfNull(message);
        string type = message.IsSigned ? " smime-type=signed-data;" : message.IsEnveloped ? " smime-type=enveloped-data;" : string.Empty;
        var text = new StringBuilder()
            .Append("MIME-Version: 1.0\n")
            .Append("Content-Disposition: attachment; filename=\"smime.p7m\"\n")
            .Append("Content-Type: ").Append(oldMime ? "application/x-pkcs7-" : "application/pkcs7-").Append("mime;").Append(type).Append(" name=\"smime.p7m\"\n")
            .Append("Content-Transfer-Encoding: base64\n\n")
            .Append(Base64Lines(message.RawData.Span))
            .Append('\n');
        return Encoding.ASCII.GetBytes(text.ToString());
    }

    /// <summary>Reads an S/MIME message as <c>SMIME_read_PKCS7</c>.</summary>
    /// <param name="mime">The message.</param>
    /// <param name="binary">Re-join the content part's lines with LF instead of CRLF (<c>openssl cms -binary</c>).</param>
    /// <returns>The PKCS#7 and, for <c>multipart/signed</c>, the content part.</returns>
    /// <exception cref="Pkcs7Exception"><see cref="Pkcs7Error.InvalidMime"/> for bad MIME; a PKCS#7 reason for a bad body.</exception>
    public static SmimeMessage Read(ReadOnlySpan<byte> mime, bool binary = false)
    {
        int position = 0;
        Dictionary<string, MimeHeader> headers = ReadHeaders(mime, ref position);
        if (!headers.TryGetValue("content-type", out MimeHeader? contentType))
        {
            throw new Pkcs7Exception(Pkcs7Error.InvalidMime, "no content type");
        }

        if (contentType.Value == "multipart/signed")
        {
            if (!contentType.Parameters.TryGetValue("boundary", out string? boundary) || boundary.Length == 0)
            {
                throw new Pkcs7Exception(Pkcs7Error.InvalidMime, "no multipart boundary");
            }

            List<byte[]> parts = SplitMultipart(mime[position..], boundary, binary);
            if (parts.Count != 2)
            {
                throw new Pkcs7Exception(Pkcs7Error.InvalidMime, "no multipart body failure");
            }

            int signaturePosition = 0;
            Dictionary<string, MimeHeader> signatureHeaders = ReadHeaders(parts[1], ref signaturePosition);
            if (!signatureHeaders.TryGetValue("content-type", out MimeHeader? signatureType))
            {
                throw new Pkcs7Exception(Pkcs7Error.InvalidMime, "no sig content type");
            }

            if (signatureType.Value is not ("application/x-pkcs7-signature" or "application/pkcs7-signature"))
            {
                throw new Pkcs7Exception(Pkcs7Error.InvalidMime, "sig invalid mime type, type: " + signatureType.Value);
            }

            return new SmimeMessage(Pkcs7.Decode(DecodeBase64(parts[1].AsSpan(signaturePosition))), parts[0]);
        }

        if (contentType.Value is not ("application/x-pkcs7-mime" or "application/pkcs7-mime"))
        {
            throw new Pkcs7Exception(Pkcs7Error.InvalidMime, "invalid mime type, type: " + contentType.Value);
        }

        return new SmimeMessage(Pkcs7.Decode(DecodeBase64(mime[position..])), null);
    }

    /// <summary>The <c>micalg</c> parameter (RFC 5751 §3.4.3.2) for a SignedData's digest algorithms, as OpenSSL names them.</summary>
    /// <param name="message">The SignedData.</param>
    /// <returns>E.g. <c>sha-256</c>; comma-separated when several.</returns>
    public static string MicAlg(Pkcs7 message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var names = new List<string>();
        bool unknown = false;
        foreach (string oid in message.SignedData?.DigestAlgorithmOids ?? [])
        {
            string? name = Signatures.DigestAlgorithms.FromOid(oid) switch
            {
                HashAlgorithmId.Md5 => "md5",
                HashAlgorithmId.Sha1 => "sha1",
                HashAlgorithmId.Sha224 => "sha-224",
                HashAlgorithmId.Sha256 => "sha-256",
                HashAlgorithmId.Sha384 => "sha-384",
                HashAlgorithmId.Sha512 => "sha-512",
                _ => null,
            };
            if (name is not null)
            {
                names.Add(name);
            }
            else if (!unknown)
            {
                names.Add("unknown");
                unknown = true;
            }
        }

        return string.Join(",", names);
    }

    private static string NewBoundary()
    {
        Span<byte> random = stackalloc byte[32];
        SecureRandomSource.Fill(random);
        var boundary = new StringBuilder(32);
        foreach (byte b in random)
        {
            int nibble = b & 0xF;
            boundary.Append((char)(nibble < 10 ? '0' + nibble : 'A' + nibble - 10));
        }

        return boundary.ToString();
    }

    private static string Base64Lines(ReadOnlySpan<byte> data)
    {
        string base64 = Convert.ToBase64String(data);
        var text = new StringBuilder(base64.Length + (base64.Length / 64) + 1);
        for (int i = 0; i < base64.Length; i += 64)
        {
            text.Append(base64, i, Math.Min(64, base64.Length - i)).Append('\n');
        }

        return text.ToString();
    }

    private static byte[] DecodeBase64(ReadOnlySpan<byte> body)
    {
        var text = new StringBuilder(body.Length);
        foreach (byte b in body)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                continue;
            }

            text.Append((char)b);
        }

        try
        {
            return Convert.FromBase64String(text.ToString());
        }
        catch (FormatException e)
        {
            throw new Pkcs7Exception(Pkcs7Error.Malformed, "bad base64 in the S/MIME body", e);
        }
    }

    // asn_mime.c multi_split: lines between "--boundary" lines; each part's lines re-joined with CRLF (LF with the
    // CMS binary flag), the line end before the next boundary dropped; the preamble is skipped.
    private static List<byte[]> SplitMultipart(ReadOnlySpan<byte> body, string boundary, bool binary)
    {
        byte[] marker = Encoding.ASCII.GetBytes("--" + boundary);
        var parts = new List<byte[]>();
        MemoryStream? part = null;
        bool started = false;
        bool first = true;
        bool eol = false;
        while (!body.IsEmpty)
        {
            int newline = body.IndexOf((byte)'\n');
            ReadOnlySpan<byte> line = newline >= 0 ? body[..(newline + 1)] : body;
            body = body[line.Length..];
            if (line.Length >= marker.Length && line.StartsWith(marker))
            {
                if (line[marker.Length..].StartsWith("--"u8))
                {
                    if (part is not null)
                    {
                        parts.Add(part.ToArray());
                    }

                    return parts;
                }

                started = true;
                first = true;
                continue;
            }

            if (!started)
            {
                continue;
            }

            int length = line.Length;
            bool nextEol = false;
            while (length > 0 && line[length - 1] is (byte)'\n' or (byte)'\r')
            {
                nextEol |= line[length - 1] == (byte)'\n';
                length--;
            }

            if (first)
            {
                first = false;
                if (part is not null)
                {
                    parts.Add(part.ToArray());
                }

                part = new MemoryStream();
            }
            else if (eol)
            {
                part!.Write(binary ? "\n"u8 : "\r\n"u8);
            }

            eol = nextEol;
            part!.Write(line[..length]);
        }

        // No closing boundary: OpenSSL fails the split.
        return [];
    }

    private static Dictionary<string, MimeHeader> ReadHeaders(ReadOnlySpan<byte> data, ref int position)
    {
        var headers = new Dictionary<string, MimeHeader>(StringComparer.Ordinal);
        string? name = null;
        var value = new StringBuilder();
        int start = position;
        while (position < data.Length)
        {
            if (position - start > MaxHeaderBytes)
            {
                throw new Pkcs7Exception(Pkcs7Error.LimitExceeded, "MIME headers too long");
            }

            int newline = data[position..].IndexOf((byte)'\n');
            ReadOnlySpan<byte> raw = newline >= 0 ? data.Slice(position, newline) : data[position..];
            position += newline >= 0 ? newline + 1 : raw.Length;
            string line = Encoding.Latin1.GetString(raw).TrimEnd('\r');
            if (line.Length == 0)
            {
                break;
            }

            if (name is not null && line[0] is ' ' or '\t')
            {
                value.Append(' ').Append(line.Trim());
                continue;
            }

            Add(headers, name, value);
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                name = null;
                value.Clear();
                continue;
            }

            name = line[..colon].Trim().ToLowerInvariant();
            value.Clear().Append(line[(colon + 1)..].Trim());
        }

        Add(headers, name, value);
        return headers;
    }

    private static void Add(Dictionary<string, MimeHeader> headers, string? name, StringBuilder value)
    {
        if (name is not null)
        {
            headers.TryAdd(name, MimeHeader.Parse(value.ToString()));
        }
    }

    private sealed class MimeHeader
    {
        private MimeHeader(string value, Dictionary<string, string> parameters)
        {
            Value = value;
            Parameters = parameters;
        }

        public string Value { get; }

        public Dictionary<string, string> Parameters { get; }

        public static MimeHeader Parse(string text)
        {
            var pieces = new List<string>();
            var current = new StringBuilder();
            bool quoted = false;
            foreach (char c in text)
            {
                if (c == '"')
                {
                    quoted = !quoted;
                    current.Append(c);
                }
                else if (c == ';' && !quoted)
                {
                    pieces.Add(current.ToString());
                    current.Clear();
                }
                else
                {
                    current.Append(c);
                }
            }

            pieces.Add(current.ToString());
            var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
            for (int i = 1; i < pieces.Count; i++)
            {
                int equals = pieces[i].IndexOf('=', StringComparison.Ordinal);
                if (equals <= 0)
                {
                    continue;
                }

                string key = pieces[i][..equals].Trim().ToLowerInvariant();
                string parameter = pieces[i][(equals + 1)..].Trim();
                if (parameter.Length >= 2 && parameter[0] == '"' && parameter[^1] == '"')
                {
                    parameter = parameter[1..^1];
                }

                parameters.TryAdd(key, parameter);
            }

            return new MimeHeader(pieces[0].Trim().ToLowerInvariant(), parameters);
        }
    }
}
