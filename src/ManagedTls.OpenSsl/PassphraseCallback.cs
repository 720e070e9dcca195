namespace ManagedTls.OpenSsl;

/// <summary>
/// The callable form of a <c>passphrase</c> argument of <see cref="Crypto.LoadPrivateKey(FileType, byte[], Passphrase?)"/>
/// and <see cref="Crypto.DumpPrivateKey(FileType, PKey, string?, Passphrase?)"/>: pyOpenSSL calls it with one
/// argument, OpenSSL's <c>rwflag</c>.
/// </summary>
/// <param name="writing">
/// pyOpenSSL's <c>rwflag</c>: false when a key is being decrypted (load), true when one is being encrypted (dump;
/// a terminal prompt would ask for the passphrase twice).
/// </param>
/// <returns>The passphrase bytes, at most 1024 (OpenSSL's <c>PEM_BUFSIZE</c>).</returns>
/// <remarks>
/// It is called at most once per load or dump, and only when a passphrase is actually needed (loading an
/// unencrypted key does not call it). An exception it throws propagates unchanged to the caller of
/// <c>LoadPrivateKey</c>/<c>DumpPrivateKey</c>, as pyOpenSSL re-raises it.
/// </remarks>
public delegate byte[] PassphraseCallback(bool writing);
