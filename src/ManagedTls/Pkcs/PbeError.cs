namespace ManagedTls.Pkcs;

/// <summary>Why password-based decryption or encryption failed; carried by <see cref="PbeException"/>.</summary>
public enum PbeError
{
    /// <summary>
    /// The input is not well-formed: bad DER, a truncated structure, a malformed <c>DEK-Info</c> header, or a
    /// ciphertext whose length is not a whole number of cipher blocks. Decided before any password is used.
    /// </summary>
    Malformed,

    /// <summary>The encryption scheme, key derivation function, PRF or cipher is one ManagedTls does not implement.</summary>
    UnsupportedAlgorithm,

    /// <summary>
    /// The algorithm is known but its parameters are unacceptable: wrong IV or salt length, a key length that does
    /// not match the cipher, an iteration count outside 1..<see cref="PbeParameters.MaxIterationCount"/> or scrypt
    /// parameters needing more than 32 MiB (caps so that a hostile file cannot make us spin or exhaust memory).
    /// </summary>
    InvalidParameters,

    /// <summary>The data is encrypted and the caller supplied no password.</summary>
    PasswordRequired,

    /// <summary>
    /// Decryption produced garbage: the CBC padding was wrong, or the padding happened to be right but the plaintext
    /// is not the expected DER structure. This is what a wrong password looks like, and it is also what a corrupted
    /// ciphertext looks like: CBC with PKCS#7 padding has no integrity check, so the two cannot be told apart with
    /// certainty. OpenSSL reports the same situation as "bad decrypt".
    /// </summary>
    BadDecrypt,
}
