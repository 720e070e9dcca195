namespace ManagedTls.OpenSsl;

/// <summary>
/// The passphrase callback of <see cref="Context.SetPasswdCb"/>, with pyOpenSSL's three arguments: called when
/// <see cref="Context.UsePrivatekeyFile"/> meets an encrypted key.
/// </summary>
/// <param name="maxLength">The longest passphrase accepted (1024, OpenSSL's <c>PEM_BUFSIZE</c>); a longer result is truncated.</param>
/// <param name="promptTwice">True when a terminal would ask twice to confirm (writing a key); false when reading one.</param>
/// <param name="userData">The <c>userdata</c> given to <see cref="Context.SetPasswdCb"/>.</param>
/// <returns>The passphrase, or null/empty for "no passphrase" (loading the key then fails with an <see cref="SslException"/>).</returns>
/// <remarks>An exception thrown by the callback propagates to the caller of <see cref="Context.UsePrivatekeyFile"/> unchanged.</remarks>
public delegate byte[]? PasswordCallback(int maxLength, bool promptTwice, object? userData);
