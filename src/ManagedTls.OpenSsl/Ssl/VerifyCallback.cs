namespace ManagedTls.OpenSsl;

/// <summary>
/// The certificate verification callback of <see cref="Context.SetVerify"/>, with pyOpenSSL's five arguments in
/// pyOpenSSL's order. It is called once per certificate of the peer's chain, from the trust anchor (highest depth)
/// down to the peer's own certificate (depth 0), and again for each error found, as OpenSSL's <c>verify_callback</c> is.
/// </summary>
/// <param name="connection">The connection being verified.</param>
/// <param name="certificate">The certificate at <paramref name="errorDepth"/>.</param>
/// <param name="errorNumber">OpenSSL's <c>X509_V_ERR_*</c> number for this certificate (0 when none).</param>
/// <param name="errorDepth">The certificate's depth in the chain (0 = the peer's own certificate).</param>
/// <param name="ok">OpenSSL's <c>preverify_ok</c>: 1 when the built-in checks passed for this certificate, else 0.</param>
/// <returns>True to accept (verification carries on as if the error had not happened), false to fail the handshake.</returns>
/// <remarks>An exception thrown by the callback fails the handshake and is re-thrown by the I/O method that was running, as pyOpenSSL re-raises it.</remarks>
public delegate bool VerifyCallback(Connection connection, X509 certificate, int errorNumber, int errorDepth, int ok);
