namespace ManagedTls.PythonSsl;

/// <summary>Python's <c>ssl.DefaultVerifyPaths</c> named tuple (<see cref="SslModule.GetDefaultVerifyPaths()"/>).</summary>
/// <param name="Cafile">The CA file in effect (<c>SSL_CERT_FILE</c>, else <see cref="OpensslCafile"/>), or null when it is not an existing file.</param>
/// <param name="Capath">The CA directory in effect (<c>SSL_CERT_DIR</c>, else <see cref="OpensslCapath"/>), or null when it is not an existing directory.</param>
/// <param name="OpensslCafileEnv">The environment variable that overrides the CA file: <c>SSL_CERT_FILE</c>.</param>
/// <param name="OpensslCafile">The platform's default CA file (<c>OPENSSLDIR/cert.pem</c>).</param>
/// <param name="OpensslCapathEnv">The environment variable that overrides the CA directory: <c>SSL_CERT_DIR</c>.</param>
/// <param name="OpensslCapath">The platform's default CA directory (<c>OPENSSLDIR/certs</c>).</param>
public sealed record DefaultVerifyPaths(
    string? Cafile,
    string? Capath,
    string OpensslCafileEnv,
    string OpensslCafile,
    string OpensslCapathEnv,
    string OpensslCapath);
