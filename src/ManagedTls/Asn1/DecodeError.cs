namespace ManagedTls.Asn1;

/// <summary>Why a <see cref="DecodeException"/> was thrown.</summary>
public enum DecodeError
{
    /// <summary>The input ends inside an element.</summary>
    Truncated,

    /// <summary>The length octets are malformed (reserved 0xFF form, indefinite on a primitive, or contents that do not fit).</summary>
    InvalidLength,

    /// <summary>DER: the length uses more octets than needed.</summary>
    NonMinimalLength,

    /// <summary>DER: an indefinite length (0x80) was used.</summary>
    IndefiniteLengthInDer,

    /// <summary>The element's tag is not the one expected.</summary>
    UnexpectedTag,

    /// <summary>Bytes remain after the last expected element.</summary>
    TrailingData,

    /// <summary>Constructed elements are nested deeper than the configured maximum.</summary>
    DepthExceeded,

    /// <summary>A length, tag number, integer or OID arc exceeds a configured or representable limit.</summary>
    TooLarge,

    /// <summary>An INTEGER or ENUMERATED has redundant leading 0x00/0xFF octets.</summary>
    NonMinimalInteger,

    /// <summary>A BOOLEAN is not one octet, or (DER) not 0x00/0xFF.</summary>
    InvalidBoolean,

    /// <summary>A BIT STRING has a bad unused-bit count or (DER) non-zero padding bits.</summary>
    InvalidBitString,

    /// <summary>An OBJECT IDENTIFIER is empty, unterminated or uses non-minimal subidentifiers.</summary>
    InvalidObjectIdentifier,

    /// <summary>A character string has characters outside its type's repertoire or an invalid encoding.</summary>
    InvalidString,

    /// <summary>A UTCTime or GeneralizedTime is not in the accepted form or names an impossible instant.</summary>
    InvalidTime,

    /// <summary>The identifier octets are malformed (non-minimal high tag number form).</summary>
    InvalidTag,

    /// <summary>An INTEGER or ENUMERATED has no content octets, or a negative value where none is allowed.</summary>
    InvalidInteger,

    /// <summary>A NULL has content octets.</summary>
    InvalidNull,

    /// <summary>DER: the elements of a SET OF are not in ascending order of their encodings.</summary>
    SetOfNotSorted,

    /// <summary>DER: a string type was encoded in constructed form.</summary>
    ConstructedStringInDer,

    /// <summary>A BER end-of-contents marker is missing, misplaced or has content.</summary>
    InvalidEndOfContents,
}
