namespace ManagedTls.OpenSsl;

/// <summary>
/// The ALPN selection callback of <see cref="Context.SetAlpnSelectCallback"/>: called on a server with the protocols
/// the client offered, in the client's order.
/// </summary>
/// <param name="connection">The server connection.</param>
/// <param name="offeredProtocols">The client's protocol names, e.g. <c>["h2", "http/1.1"]</c>.</param>
/// <returns>
/// One of the offered names to select it; null to select none and carry on (pyOpenSSL's
/// <c>NO_OVERLAPPING_PROTOCOLS</c>); the empty string to abort the handshake (pyOpenSSL's <c>b""</c>).
/// </returns>
public delegate string? AlpnSelectCallback(Connection connection, IReadOnlyList<string> offeredProtocols);
