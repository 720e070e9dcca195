namespace ManagedTls.Keys;

/// <summary>How an EC point is encoded (SEC1 §2.3.3); OpenSSL remembers the form a key was read in and writes it back.</summary>
public enum EcPointFormat
{
    /// <summary>0x04 || X || Y.</summary>
    Uncompressed,

    /// <summary>0x02 or 0x03 (the parity of Y) || X.</summary>
    Compressed,
}
