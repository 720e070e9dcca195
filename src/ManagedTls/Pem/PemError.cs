namespace ManagedTls.Pem;

/// <summary>Why a PEM buffer was rejected; carried by <see cref="PemException.Reason"/>.</summary>
public enum PemError
{
    /// <summary>A <c>-----BEGIN label-----</c> line has no matching <c>-----END label-----</c> line before the input ends or the next BEGIN line.</summary>
    MissingEndLine,

    /// <summary>The END line names a different label from the BEGIN line (RFC 7468 §2: the labels must match).</summary>
    MismatchedEndLabel,

    /// <summary>A boundary line is malformed: an END line without the closing dashes or with other text, or (strict mode) a BEGIN-like line that is not a boundary.</summary>
    InvalidBoundary,

    /// <summary>The boundary has an empty label (<c>-----BEGIN -----</c>).</summary>
    EmptyLabel,

    /// <summary>The label contains a character RFC 7468 does not allow (lax mode: anything but printable ASCII).</summary>
    InvalidLabel,

    /// <summary>The encapsulated text contains a character outside the base64 alphabet.</summary>
    InvalidBase64Character,

    /// <summary>The base64 text is not a whole number of 4-character groups, or has more than two <c>=</c>.</summary>
    InvalidBase64Padding,

    /// <summary>Base64 characters follow the <c>=</c> padding.</summary>
    DataAfterPadding,

    /// <summary>Strict mode: the unused bits of the last base64 group are not zero (RFC 4648 §3.5).</summary>
    NonCanonicalBase64,

    /// <summary>Strict mode: a base64 line is not 64 characters, or a short line is not the last one (RFC 7468 §3).</summary>
    InvalidLineLength,

    /// <summary>Strict mode: whitespace or a blank line inside the encapsulated text.</summary>
    UnexpectedWhitespace,

    /// <summary>An RFC 1421 header line is malformed (no colon, empty name, stray continuation, no blank line after the headers).</summary>
    InvalidHeader,

    /// <summary>Strict mode: the block has RFC 1421 headers, which RFC 7468 does not allow.</summary>
    HeadersNotAllowed,

    /// <summary>A block's headers exceed <see cref="PemReaderOptions.MaxHeaderCount"/> or <see cref="PemReaderOptions.MaxHeaderLength"/>.</summary>
    HeaderLimitExceeded,

    /// <summary>A block's decoded data would exceed <see cref="PemReaderOptions.MaxBlockDataLength"/>.</summary>
    BlockTooLarge,

    /// <summary>The decoded data of all blocks would exceed <see cref="PemReaderOptions.MaxTotalDataLength"/>.</summary>
    TotalSizeExceeded,

    /// <summary>The input holds more than <see cref="PemReaderOptions.MaxBlocks"/> blocks.</summary>
    TooManyBlocks,

    /// <summary>No block with an accepted label was found.</summary>
    NotFound,
}
