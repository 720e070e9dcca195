using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace ManagedTls.Pem;

/// <summary>
/// Writes PEM blocks byte for byte as OpenSSL's <c>PEM_write_bio</c> does: <c>-----BEGIN label-----</c>, any RFC 1421
/// headers as <c>Name: value</c> lines followed by a blank line, the base64 in 64-column lines, and
/// <c>-----END label-----</c>, every line ending in LF.
/// </summary>
public static class PemWriter
{
    private const int LineWidth = PemParser.LineWidth;
    private const int BytesPerLine = LineWidth / 4 * 3;

    /// <summary>Computes the exact size of the PEM encoding.</summary>
    /// <param name="label">The label, such as <see cref="PemLabels.Certificate"/>.</param>
    /// <param name="dataLength">The number of bytes to encode.</param>
    /// <param name="headers">RFC 1421 headers to write before the data; empty for none.</param>
    /// <returns>The number of ASCII bytes <see cref="TryWrite"/> writes.</returns>
    /// <exception cref="ArgumentException">The label or a header is not writable (see <see cref="Write"/>).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dataLength"/> is negative or the encoding would exceed <see cref="Array.MaxLength"/>.</exception>
    public static int GetEncodedLength(string label, int dataLength, ReadOnlySpan<PemHeader> headers = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(dataLength);
        ValidateLabel(label);
        long length = (2L * label.Length) + "-----BEGIN -----\n".Length + "-----END -----\n".Length;
        if (!headers.IsEmpty)
        {
            foreach (PemHeader header in headers)
            {
                ValidateHeader(header);
                length += header.Name.Length + ": ".Length + header.Value.Length + 1;
            }

            length++; // the blank line after the headers
        }

        long base64 = (dataLength + 2L) / 3 * 4;
        length += base64 + ((base64 + LineWidth - 1) / LineWidth);
        if (length > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(dataLength), "The PEM encoding would be larger than the largest array.");
        }

        return (int)length;
    }

    /// <summary>Writes the PEM encoding into <paramref name="destination"/>.</summary>
    /// <param name="label">The label, such as <see cref="PemLabels.Certificate"/>.</param>
    /// <param name="data">The bytes to encode (usually DER).</param>
    /// <param name="destination">Where to write; see <see cref="GetEncodedLength"/>.</param>
    /// <param name="bytesWritten">The number of bytes written, or 0 when the destination is too small.</param>
    /// <param name="headers">RFC 1421 headers to write before the data; empty for none.</param>
    /// <returns>False when <paramref name="destination"/> is too small (nothing useful is written).</returns>
    /// <exception cref="ArgumentException">The label or a header is not writable (see <see cref="Write"/>).</exception>
    public static bool TryWrite(string label, ReadOnlySpan<byte> data, Span<byte> destination, out int bytesWritten, ReadOnlySpan<PemHeader> headers = default)
    {
        int length = GetEncodedLength(label, data.Length, headers);
        if (destination.Length < length)
        {
            bytesWritten = 0;
            return false;
        }

        int pos = Append(destination, 0, "-----BEGIN ");
        pos = Append(destination, pos, label);
        pos = Append(destination, pos, "-----\n");
        if (!headers.IsEmpty)
        {
            foreach (PemHeader header in headers)
            {
                pos = Append(destination, pos, header.Name);
                pos = Append(destination, pos, ": ");
                pos = Append(destination, pos, header.Value);
                destination[pos++] = (byte)'\n';
            }

            destination[pos++] = (byte)'\n';
        }

        while (!data.IsEmpty)
        {
            ReadOnlySpan<byte> chunk = data[..Math.Min(BytesPerLine, data.Length)];
            OperationStatus status = Base64.EncodeToUtf8(chunk, destination[pos..], out _, out int written);
            System.Diagnostics.Debug.Assert(status == OperationStatus.Done, "the destination was sized by GetEncodedLength");
            pos += written;
            destination[pos++] = (byte)'\n';
            data = data[chunk.Length..];
        }

        pos = Append(destination, pos, "-----END ");
        pos = Append(destination, pos, label);
        pos = Append(destination, pos, "-----\n");
        bytesWritten = pos;
        return true;
    }

    /// <summary>Returns the PEM encoding as ASCII bytes, allocated once at its exact size.</summary>
    /// <param name="label">
    /// The label, such as <see cref="PemLabels.Certificate"/>: non-empty and matching RFC 7468's label ABNF
    /// (printable ASCII; single spaces or hyphens only between other characters).
    /// </param>
    /// <param name="data">The bytes to encode (usually DER).</param>
    /// <param name="headers">
    /// RFC 1421 headers, such as <c>Proc-Type</c> and <c>DEK-Info</c>, written one per line in order and followed by a
    /// blank line; empty for none. Names are printable ASCII without spaces or colons; values are printable ASCII.
    /// </param>
    /// <returns>The PEM text.</returns>
    /// <exception cref="ArgumentException">The label or a header is not writable.</exception>
    public static byte[] Write(string label, ReadOnlySpan<byte> data, ReadOnlySpan<PemHeader> headers = default)
    {
        byte[] output = new byte[GetEncodedLength(label, data.Length, headers)];
        TryWrite(label, data, output, out _, headers);
        return output;
    }

    /// <summary>Returns the PEM encoding as a string.</summary>
    /// <param name="label">The label, as for <see cref="Write"/>.</param>
    /// <param name="data">The bytes to encode.</param>
    /// <param name="headers">RFC 1421 headers, as for <see cref="Write"/>.</param>
    /// <returns>The PEM text.</returns>
    /// <exception cref="ArgumentException">The label or a header is not writable.</exception>
    public static string WriteString(string label, ReadOnlySpan<byte> data, ReadOnlySpan<PemHeader> headers = default)
    {
        int length = GetEncodedLength(label, data.Length, headers);
        byte[] rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            TryWrite(label, data, rented, out int written, headers);
            return Encoding.ASCII.GetString(rented, 0, written);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented, clearArray: true); // it may hold a private key
        }
    }

    private static int Append(Span<byte> destination, int pos, string ascii)
    {
        for (int i = 0; i < ascii.Length; i++)
        {
            destination[pos + i] = (byte)ascii[i];
        }

        return pos + ascii.Length;
    }

    private static void ValidateLabel(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        if (label.Length == 0)
        {
            throw new ArgumentException("A PEM label must not be empty.", nameof(label));
        }

        Span<byte> bytes = label.Length <= 256 ? stackalloc byte[label.Length] : new byte[label.Length];
        for (int i = 0; i < label.Length; i++)
        {
            bytes[i] = label[i] < 0x80 ? (byte)label[i] : (byte)0xFF;
        }

        int bad = PemParser.FindInvalidStrictLabelChar(bytes);
        if (bad >= 0)
        {
            throw new ArgumentException($"The PEM label \"{label}\" has a character RFC 7468 does not allow at index {bad}.", nameof(label));
        }
    }

    private static void ValidateHeader(PemHeader header)
    {
        if (string.IsNullOrEmpty(header.Name) || header.Value is null)
        {
            throw new ArgumentException("A PEM header needs a name and a value.", nameof(header));
        }

        foreach (char c in header.Name)
        {
            if (c is <= ' ' or > '~' or ':')
            {
                throw new ArgumentException($"The PEM header name \"{header.Name}\" has a space, colon or non-printable character.", nameof(header));
            }
        }

        foreach (char c in header.Value)
        {
            if (c is < ' ' or > '~')
            {
                throw new ArgumentException($"The value of PEM header \"{header.Name}\" has a line break or non-printable character.", nameof(header));
            }
        }
    }
}
