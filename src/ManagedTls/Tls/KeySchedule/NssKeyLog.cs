namespace ManagedTls.Tls.KeySchedule;

/// <summary>
/// Lines of the NSS key log format (SSLKEYLOGFILE, as OpenSSL's SSL_CTX_set_keylog_callback and Wireshark use it):
/// <c>LABEL &lt;client_random hex&gt; &lt;secret hex&gt;</c>, lower-case hex, no newline.
/// </summary>
internal static class NssKeyLog
{
    /// <summary>TLS 1.2 master secret.</summary>
    public const string ClientRandom = "CLIENT_RANDOM";

    /// <summary>TLS 1.3 client_early_traffic_secret.</summary>
    public const string ClientEarlyTrafficSecret = "CLIENT_EARLY_TRAFFIC_SECRET";

    /// <summary>TLS 1.3 client_handshake_traffic_secret.</summary>
    public const string ClientHandshakeTrafficSecret = "CLIENT_HANDSHAKE_TRAFFIC_SECRET";

    /// <summary>TLS 1.3 server_handshake_traffic_secret.</summary>
    public const string ServerHandshakeTrafficSecret = "SERVER_HANDSHAKE_TRAFFIC_SECRET";

    /// <summary>TLS 1.3 client_application_traffic_secret_0.</summary>
    public const string ClientTrafficSecret0 = "CLIENT_TRAFFIC_SECRET_0";

    /// <summary>TLS 1.3 server_application_traffic_secret_0.</summary>
    public const string ServerTrafficSecret0 = "SERVER_TRAFFIC_SECRET_0";

    /// <summary>TLS 1.3 exporter_master_secret.</summary>
    public const string ExporterSecret = "EXPORTER_SECRET";

    /// <summary>Formats one key log line.</summary>
    /// <param name="label">One of the constants of this class.</param>
    /// <param name="clientRandom">ClientHello.random (32 bytes).</param>
    /// <param name="secret">The secret.</param>
    /// <returns>The line, without a line terminator.</returns>
    public static string Format(string label, ReadOnlySpan<byte> clientRandom, ReadOnlySpan<byte> secret)
    {
        ArgumentNullException.ThrowIfNull(label);
        return string.Concat(label, " ", Convert.ToHexStringLower(clientRandom), " ", Convert.ToHexStringLower(secret));
    }
}
