namespace ManagedTls.OpenSsl;

/// <summary>
/// The key-logging callback of <see cref="Context.SetKeylogCallback"/>: called with each secret as one line of the NSS
/// key log format (<c>SSLKEYLOGFILE</c>, what Wireshark reads), e.g. <c>CLIENT_HANDSHAKE_TRAFFIC_SECRET &lt;client random&gt; &lt;secret&gt;</c>.
/// </summary>
/// <param name="connection">The connection whose secret it is.</param>
/// <param name="line">The line, without a line terminator (pyOpenSSL passes bytes; here it is ASCII text).</param>
public delegate void KeylogCallback(Connection connection, string line);
