namespace ManagedTls.Pkcs.Pkcs12;

/// <summary>Why loading or building a PKCS#12 archive failed; carried by <see cref="Pkcs12Exception"/>.</summary>
public enum Pkcs12Error
{
    /// <summary>The input is not a PFX: bad or truncated DER/BER, a wrong version, a structure that does not fit RFC 7292.</summary>
    Malformed,

    /// <summary>An algorithm ManagedTls does not implement: public-key integrity or privacy mode, an unknown MAC digest or PBE scheme.</summary>
    UnsupportedAlgorithm,

    /// <summary>
    /// Known algorithm, unacceptable parameters: an iteration count above the cap, a salt or IV of the wrong size. The
    /// caps keep a hostile file from making us spin.
    /// </summary>
    InvalidParameters,

    /// <summary>A limit on nesting depth, bag count or safe count was exceeded (see <see cref="Pkcs12LoadOptions"/>).</summary>
    LimitExceeded,

    /// <summary>
    /// The MAC does not verify and the password does not decrypt the contents either: the password is wrong (OpenSSL's
    /// "mac verify failure"). A file damaged inside its encrypted parts looks the same and is reported the same way.
    /// </summary>
    WrongPassword,

    /// <summary>
    /// The MAC does not verify although the password decrypts the contents: the file or its MAC was altered after it was
    /// made (OpenSSL reports this too as "mac verify failure"; it does not tell the two apart).
    /// </summary>
    MacVerifyFailure,

    /// <summary>
    /// A part would not decrypt (bad padding or not the expected structure) although the MAC, if any, verified or was
    /// absent: a wrong password on a file without MAC, or corrupted ciphertext (OpenSSL's "bad decrypt").
    /// </summary>
    BadDecrypt,

    /// <summary>A decrypted key, certificate or CRL does not decode (the <see cref="Exception.InnerException"/> says why).</summary>
    InvalidContent,
}
