namespace ManagedTls.Tls.Messages;

/// <summary>A key_share entry (RFC 8446 §4.2.8): a group and the sender's public key for it.</summary>
internal readonly record struct KeyShareEntry(TlsNamedGroup Group, ReadOnlyMemory<byte> KeyExchange);
