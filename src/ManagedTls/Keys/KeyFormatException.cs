using ManagedTls.Asn1;
using ManagedTls.Pem;

namespace ManagedTls.Keys;

/// <summary>
/// A key encoding was rejected. The one exception type of the key layer: DER and PEM failures below are translated
/// into it once (with the original as <see cref="Exception.InnerException"/>), so callers catch one type and switch on
/// <see cref="Reason"/>.
/// </summary>
/// <remarks>
/// A separate type rather than <see cref="DecodeException"/> because the key layer has reasons the DER codec does not
/// (encrypted input needing a passphrase, unsupported algorithm OIDs, explicit curves, off-curve points), and the PBE
/// layer above filters on <see cref="KeyFormatError.PassphraseRequired"/>.
/// </remarks>
public sealed class KeyFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="reason">Why the key was rejected.</param>
    /// <param name="message">A human-readable explanation.</param>
    public KeyFormatException(KeyFormatError reason, string message)
        : base(message)
    {
        Reason = reason;
    }

    /// <summary>Creates the exception wrapping a lower-layer failure.</summary>
    /// <param name="reason">Why the key was rejected.</param>
    /// <param name="message">A human-readable explanation.</param>
    /// <param name="innerException">The DER or PEM failure.</param>
    public KeyFormatException(KeyFormatError reason, string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = reason;
    }

    /// <summary>Creates the exception with <see cref="KeyFormatError.InvalidKey"/>.</summary>
    public KeyFormatException()
        : this(KeyFormatError.InvalidKey, "invalid key")
    {
    }

    /// <summary>Creates the exception with <see cref="KeyFormatError.InvalidKey"/>.</summary>
    /// <param name="message">A human-readable explanation.</param>
    public KeyFormatException(string message)
        : this(KeyFormatError.InvalidKey, message)
    {
    }

    /// <summary>Creates the exception with <see cref="KeyFormatError.InvalidKey"/>.</summary>
    /// <param name="message">A human-readable explanation.</param>
    /// <param name="innerException">The cause.</param>
    public KeyFormatException(string message, Exception innerException)
        : this(KeyFormatError.InvalidKey, message, innerException)
    {
    }

    /// <summary>Why the key was rejected.</summary>
    public KeyFormatError Reason { get; }

    internal static KeyFormatException FromDer(DecodeException inner) =>
        new(KeyFormatError.MalformedDer, $"malformed key encoding: {inner.Message}", inner);

    internal static KeyFormatException FromPem(PemException inner) =>
        new(KeyFormatError.MalformedPem, $"malformed PEM: {inner.Message}", inner);
}
