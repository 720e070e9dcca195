namespace ManagedTls.OpenSsl;

/// <summary>pyOpenSSL's <c>SSL.VERIFY_*</c> flags (OpenSSL's <c>SSL_VERIFY_*</c> values), for <see cref="Context.SetVerify"/>.</summary>
[Flags]
public enum VerifyMode
{
    /// <summary><c>VERIFY_NONE</c>: a client checks the server's chain but carries on whatever the result (see <see cref="Connection.GetVerifyResult"/>); a server asks for no client certificate.</summary>
    None = 0x00,

    /// <summary><c>VERIFY_PEER</c>: a failed verification aborts the handshake; a server asks the client for a certificate.</summary>
    Peer = 0x01,

    /// <summary><c>VERIFY_FAIL_IF_NO_PEER_CERT</c>: with <see cref="Peer"/> on a server, a client that sends no certificate fails the handshake.</summary>
    FailIfNoPeerCert = 0x02,

    /// <summary><c>VERIFY_CLIENT_ONCE</c>: with <see cref="Peer"/> on a server, do not ask again on renegotiation (no effect: renegotiation is refused).</summary>
    ClientOnce = 0x04,

    /// <summary><c>VERIFY_POST_HANDSHAKE</c> (OpenSSL 1.1.1): accepted and recorded; post-handshake authentication is not offered.</summary>
    PostHandshake = 0x08,
}
