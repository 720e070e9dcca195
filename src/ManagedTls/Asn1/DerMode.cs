namespace ManagedTls.Asn1;

/// <summary>The encoding rules a <see cref="DerReader"/> enforces or a <see cref="DerWriter"/> produces.</summary>
public enum DerMode
{
    /// <summary>
    /// Distinguished Encoding Rules (ITU-T X.690 §10–11): minimal definite lengths, minimal integers, canonical
    /// BOOLEAN and times, primitive strings only, zero BIT STRING padding, sorted SET OF.
    /// </summary>
    Der = 0,

    /// <summary>
    /// Basic Encoding Rules (ITU-T X.690 §8): additionally accepts indefinite lengths, non-minimal length octets,
    /// constructed strings, any non-zero BOOLEAN and the looser UTCTime/GeneralizedTime forms real producers emit
    /// (PKCS#7, PKCS#12). The writer in this mode still emits definite lengths but does not sort SET OF.
    /// </summary>
    Ber = 1,
}
