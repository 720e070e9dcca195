namespace ManagedTls.OpenSsl;

/// <summary>pyOpenSSL's <c>SENT_SHUTDOWN</c>/<c>RECEIVED_SHUTDOWN</c> bits, for <see cref="Connection.GetShutdown"/> and <see cref="Connection.SetShutdown"/>.</summary>
[Flags]
public enum ShutdownState
{
    /// <summary>No close_notify sent or received.</summary>
    None = 0,

    /// <summary><c>SENT_SHUTDOWN</c>: this side sent close_notify (or was told it did).</summary>
    Sent = 1,

    /// <summary><c>RECEIVED_SHUTDOWN</c>: the peer's close_notify arrived (or this side was told it did).</summary>
    Received = 2,
}
