using System.Collections.Immutable;

namespace ManagedTls.Pem;

/// <summary>One decoded PEM block: its label, any RFC 1421 headers, the decoded bytes and where it was found.</summary>
public sealed class PemBlock
{
    /// <summary>Creates a block.</summary>
    /// <param name="label">The label from the BEGIN and END lines, such as <see cref="PemLabels.Certificate"/>.</param>
    /// <param name="data">The decoded bytes (usually DER).</param>
    /// <param name="headers">The RFC 1421 headers in file order; default or empty for none.</param>
    /// <param name="offset">The offset of the first dash of the BEGIN line in the source.</param>
    /// <param name="length">The length from the BEGIN line through the last dash of the END line.</param>
    /// <param name="line">The one-based line number of the BEGIN line.</param>
    /// <exception cref="ArgumentNullException"><paramref name="label"/> is null.</exception>
    public PemBlock(string label, ReadOnlyMemory<byte> data, ImmutableArray<PemHeader> headers = default, int offset = 0, int length = 0, int line = 0)
    {
        ArgumentNullException.ThrowIfNull(label);
        Label = label;
        Data = data;
        Headers = headers.IsDefault ? ImmutableArray<PemHeader>.Empty : headers;
        Offset = offset;
        Length = length;
        Line = line;
    }

    /// <summary>Gets the label, such as <c>CERTIFICATE</c>.</summary>
    public string Label { get; }

    /// <summary>Gets the decoded bytes (usually DER; for an encrypted traditional key, the ciphertext).</summary>
    public ReadOnlyMemory<byte> Data { get; }

    /// <summary>Gets the RFC 1421 headers in file order (empty for RFC 7468 blocks).</summary>
    public ImmutableArray<PemHeader> Headers { get; }

    /// <summary>Gets the offset of the BEGIN line's first dash in the source (bytes, or chars for text input).</summary>
    public int Offset { get; }

    /// <summary>Gets the length of the source text from the BEGIN line through the END line's last dash.</summary>
    public int Length { get; }

    /// <summary>Gets the one-based line number of the BEGIN line in the source.</summary>
    public int Line { get; }

    /// <summary>Gets a value indicating whether the block has <c>Proc-Type: 4,ENCRYPTED</c> (an OpenSSL traditional encrypted key).</summary>
    public bool IsEncrypted =>
        TryGetHeader(PemHeader.ProcType, out string? value) && string.Equals(value, PemHeader.ProcTypeEncrypted, StringComparison.Ordinal);

    /// <summary>Finds the first header with the name, compared ignoring ASCII case.</summary>
    /// <param name="name">The header name, such as <see cref="PemHeader.DekInfo"/>.</param>
    /// <param name="value">The header's value when found; otherwise null.</param>
    /// <returns>True when the header is present.</returns>
    public bool TryGetHeader(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
    {
        foreach (PemHeader header in Headers)
        {
            if (string.Equals(header.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = header.Value;
                return true;
            }
        }

        value = null;
        return false;
    }

    /// <summary>Parses the block's <c>DEK-Info</c> header, present on OpenSSL traditional encrypted keys.</summary>
    /// <returns>The cipher and IV, or null when the block has no DEK-Info header.</returns>
    /// <exception cref="PemException">The DEK-Info header is malformed (<see cref="PemError.InvalidHeader"/>).</exception>
    public PemDekInfo? GetDekInfo() => TryGetHeader(PemHeader.DekInfo, out string? value) ? PemDekInfo.Parse(value) : null;

    /// <summary>Returns the block as PEM text, as <see cref="PemWriter.Write(string, ReadOnlySpan{byte}, ReadOnlySpan{PemHeader})"/> writes it.</summary>
    /// <returns>The PEM encoding in ASCII bytes.</returns>
    public byte[] Encode() => PemWriter.Write(Label, Data.Span, Headers.AsSpan());

    /// <inheritdoc/>
    public override string ToString() => $"{Label} ({Data.Length} bytes, line {Line})";
}
