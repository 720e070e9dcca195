namespace ManagedTls.OpenSsl;

/// <summary>
/// The server-name callback of <see cref="Context.SetTlsextServernameCallback"/>: called on a server when a ClientHello
/// arrives, with the connection. <see cref="Connection.GetServername"/> gives the requested name; calling
/// <see cref="Connection.SetContext"/> switches the connection to another context (another certificate).
/// </summary>
/// <param name="connection">The server connection.</param>
public delegate void ServernameCallback(Connection connection);
