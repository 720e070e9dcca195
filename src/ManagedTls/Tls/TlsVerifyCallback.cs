namespace ManagedTls.Tls;

/// <summary>
/// Called for each certificate of the peer chain, like OpenSSL's <c>verify_callback</c>.
/// </summary>
/// <param name="preverifyOk">Whether the built-in verification passed at this depth.</param>
/// <param name="context">The certificate, its depth and the error found at that depth.</param>
/// <returns><see langword="true"/> to continue the handshake; <see langword="false"/> to abort it.</returns>
public delegate bool TlsVerifyCallback(bool preverifyOk, TlsVerifyContext context);
