using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using ManagedTls.Net;
using ManagedTls.Pem;
using ManagedTls.Tls;
using ManagedTls.X509;
using ManagedTls.X509.Verification;

namespace ManagedTls.Cli;

/// <summary>
/// <c>mtls s_client</c>: openssl's TLS test client. Connects, runs the handshake with ManagedTls, prints the session
/// summary as apps/s_client.c does (or the <c>-brief</c> summary on stderr), then copies stdin to the connection and
/// the connection to stdout. Without <c>-ign_eof</c>, stdin lines "Q" (quit), "K" and "k" (TLS 1.3 KeyUpdate with and
/// without update_requested) are commands, and end of stdin ends the session.
/// </summary>
internal sealed partial class SClientCommand : ICommand
{
    public string Name => "s_client";

    public string Summary => "TLS test client (TLS 1.2/1.3 with ManagedTls)";

    public int Run(ReadOnlySpan<string> args, CommandContext context)
    {
        var s = new Settings();
        var options = new OptionSet(Name, "[host:port]").Section("General")
            .Value("connect", "val", "TCP/IP where to connect; default: localhost:4433)", v => s.Connect = v)
            .Value("servername", "val", "Set TLS extension servername (SNI) in ClientHello (default)", v => s.ServerName = v)
            .Section("Session")
            .Flag("brief", "Restrict output to brief summary of connection parameters", () => s.Brief = true)
            .Flag("quiet", "No s_client output", () => s.Quiet = true)
            .Flag("ign_eof", "Ignore input eof (default when -quiet)", () => s.IgnoreEof = true)
            .Section("Validation")
            .Flag("verify_return_error", "In verification errors, return error (abort the handshake)", () => s.VerifyReturnError = true)
            .Section("TLS");
        s.Tls.Declare(options, server: false);
        options.Parse(args, context.Error);
        if (options.HelpRequested)
        {
            return 0;
        }

        if (options.Positionals.Count > 1 || (options.Positionals.Count == 1 && s.Connect is not null))
        {
            throw new UsageException($"Extra option: \"{options.Positionals[^1]}\"");
        }

        (string host, int port) = ParseHostPort(s.Connect ?? (options.Positionals.Count == 1 ? options.Positionals[0] : "localhost:4433"));
        var client = new TlsClientOptions();
        s.Tls.ApplyTo(client, context, server: false, context.Error);
        client.ServerName = s.ServerName ?? (IPAddress.TryParse(host, out _) ? null : host);
        client.VerifyMode = s.VerifyReturnError ? TlsVerifyMode.Peer : TlsVerifyMode.None;
        client.VerifyCallback = TlsText.VerifyCallback(context.Error, quiet: s.Brief, returnError: s.VerifyReturnError);
        return Session(host, port, client, s, context);
    }

    private static (string Host, int Port) ParseHostPort(string value)
    {
        int colon = value.LastIndexOf(':');
        string host = colon < 0 ? value : value[..colon];
        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            host = host[1..^1];
        }

        string portText = colon < 0 ? "4433" : value[(colon + 1)..];
        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port is <= 0 or > 65535)
        {
            throw new UsageException($"Invalid port \"{portText}\"");
        }

        return (host.Length == 0 ? "localhost" : host, port);
    }

    private static int Session(string host, int port, TlsClientOptions client, Settings s, CommandContext context)
    {
        bool quiet = s.Quiet || s.Brief;
        var tcp = new TcpClient { NoDelay = true };
        try
        {
            tcp.Connect(host, port);
        }
        catch (SocketException e)
        {
            context.Error.WriteLine($"connect:errno={e.ErrorCode}");
            context.Error.WriteLine($"error:system library:BIO_connect:{e.Message}");
            tcp.Dispose();
            return 1;
        }

        using var tls = new TlsStream(tcp.GetStream());
        if (!quiet)
        {
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"CONNECTED({tcp.Client.Handle.ToInt64():X8})"));
            context.Out.Flush();
        }

        DateTimeOffset start = DateTimeOffset.UtcNow;
        try
        {
            tls.AuthenticateAsClient(client);
        }
        catch (TlsException e)
        {
            context.Error.WriteLine(TlsText.Failure(e));
            if (!quiet)
            {
                context.Out.WriteLine("---\nno peer certificate available\n---");
            }

            return 1;
        }
        catch (IOException e)
        {
            context.Error.WriteLine($"error:SSL routines::unexpected eof while reading ({e.Message})");
            return 1;
        }

        if (s.Brief)
        {
            context.Error.WriteLine("CONNECTION ESTABLISHED");
            context.Error.Write(BriefSummary(tls, server: false));
            context.Error.Flush();
        }
        else if (!s.Quiet)
        {
            context.Out.Write(SessionSummary(tls, start));
            context.Out.Flush();
        }

        return Pump(tls, context, ignoreEof: s.IgnoreEof || s.Quiet, quiet: quiet);
    }

    /// <summary>
    /// Copies the connection to stdout on one task and stdin to the connection on this one, until the peer closes,
    /// or stdin ends (without -ign_eof), or a "Q" line.
    /// </summary>
    internal static int Pump(TlsStream tls, CommandContext context, bool ignoreEof, bool quiet)
    {
        Task<bool> reader = Task.Run(() => CopyToOutput(tls, context.OutStream, context.Out, quiet));
        Task writer = Task.Run(() => CopyInput(tls, context, ignoreEof));
        Task.WaitAny(reader, writer);
        if (writer.IsCompleted && !writer.IsFaulted && !ignoreEof)
        {
            return 0; // stdin ended or "Q": close_notify already sent, as openssl does not wait for the peer
        }

        if (writer.IsCompleted && ignoreEof)
        {
            reader.Wait();
        }

        if (reader.IsFaulted)
        {
            context.Error.WriteLine($"error:SSL routines::{reader.Exception!.InnerException!.Message}");
            return 1;
        }

        return 0;
    }

    private static bool CopyToOutput(TlsStream tls, Stream output, TextWriter text, bool quiet)
    {
        byte[] buffer = new byte[16 * 1024];
        int n;
        while ((n = tls.Read(buffer)) > 0)
        {
            lock (output)
            {
                text.Flush();
                output.Write(buffer, 0, n);
                output.Flush();
            }
        }

        if (!quiet)
        {
            lock (output)
            {
                text.WriteLine(tls.ReceivedCloseNotify ? "closed" : "read:errno=0");
                text.Flush();
            }
        }

        return tls.ReceivedCloseNotify;
    }

    private static void CopyInput(TlsStream tls, CommandContext context, bool ignoreEof)
    {
        byte[] buffer = new byte[16 * 1024];
        int n;
        while ((n = context.In.Read(buffer)) > 0)
        {
            if (ignoreEof)
            {
                tls.Write(buffer.AsSpan(0, n));
                continue;
            }

            if (!SendWithCommands(tls, buffer.AsSpan(0, n), context.Error))
            {
                break;
            }
        }

        if (!ignoreEof)
        {
            context.Error.WriteLine("DONE");
            context.Error.Flush();
            try
            {
                tls.Shutdown();
            }
            catch (IOException)
            {
                // the peer has gone; nothing left to say
            }
        }
    }

    /// <summary>Sends the chunk, treating complete lines "Q", "K" and "k" as commands. Returns false after "Q".</summary>
    internal static bool SendWithCommands(TlsStream tls, ReadOnlySpan<byte> chunk, TextWriter error)
    {
        while (!chunk.IsEmpty)
        {
            int newline = chunk.IndexOf((byte)'\n');
            ReadOnlySpan<byte> line = newline < 0 ? chunk : chunk[..(newline + 1)];
            ReadOnlySpan<byte> content = line.TrimEnd("\r\n"u8);
            if (newline >= 0 && content.Length == 1 && content[0] is (byte)'Q' or (byte)'K' or (byte)'k')
            {
                if (content[0] == 'Q')
                {
                    return false;
                }

                if (tls.NegotiatedVersion == TlsProtocolVersion.Tls13)
                {
                    error.WriteLine("KEYUPDATE");
                    error.Flush();
                    tls.SendKeyUpdate(requestPeerUpdate: content[0] == 'K');
                }
            }
            else
            {
                tls.Write(line);
            }

            chunk = chunk[line.Length..];
        }

        return true;
    }

    /// <summary>apps/s_client.c print_stuff, for the full (not -brief) summary.</summary>
    internal static string SessionSummary(TlsStream tls, DateTimeOffset start)
    {
        TlsConnection c = tls.Connection!;
        var text = new StringBuilder("---\n");
        IReadOnlyList<Certificate> peer = c.PeerCertificates;
        if (peer.Count > 0)
        {
            text.Append("Certificate chain\n");
            TlsText.AppendChain(text, peer);
            text.Append("---\nServer certificate\n").Append(peer[0].ToPem());
            text.Append("subject=").Append(peer[0].Subject).Append("\nissuer=").Append(peer[0].Issuer).Append("\n---\n");
        }
        else
        {
            text.Append("no peer certificate available\n---\n");
        }

        text.Append("No client certificate CA names sent\n");
        if (c.PeerSignatureScheme is { } scheme)
        {
            if (TlsText.SigningDigest(scheme) is { } digest)
            {
                text.Append("Peer signing digest: ").Append(digest).Append('\n');
            }

            text.Append("Peer signature type: ").Append(TlsText.SignatureType(scheme)).Append('\n');
        }

        if (TlsText.TempKey(c.NegotiatedGroup) is { } tempKey)
        {
            text.Append("Server Temp Key: ").Append(tempKey).Append('\n');
        }

        text.Append(CultureInfo.InvariantCulture, $"---\nSSL handshake has read {tls.BytesReceived} bytes and written {tls.BytesSent} bytes\n");
        text.Append(c.PeerVerifyResult == X509VerifyError.Ok ? "Verification: OK\n" : $"Verification error: {c.PeerVerifyResult.GetMessage()}\n");
        bool tls13 = c.NegotiatedVersion == TlsProtocolVersion.Tls13;
        text.Append("---\nNew, ").Append(TlsText.Protocol(c.NegotiatedVersion)).Append(", Cipher is ").Append(TlsText.Cipher(c.NegotiatedCipherSuite)).Append('\n');
        if (peer.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"Server public key is {TlsText.KeyBits(peer[0])} bit\n");
        }

        text.Append(tls13 ? "Secure Renegotiation IS NOT supported\n" : "Secure Renegotiation IS supported\n");
        text.Append("Compression: NONE\nExpansion: NONE\n");
        text.Append(c.NegotiatedApplicationProtocol is { } alpn ? $"ALPN protocol: {alpn}\n" : "No ALPN negotiated\n");
        if (tls13)
        {
            text.Append("Early data was not sent\n");
            text.Append(CultureInfo.InvariantCulture, $"Verify return code: {(int)c.PeerVerifyResult} ({c.PeerVerifyResult.GetMessage()})\n---\n");
        }

        TlsText.AppendSession(text, tls, start);
        text.Append("---\n");
        return text.ToString();
    }

    /// <summary>apps/lib/s_cb.c print_ssl_summary (after "CONNECTION ESTABLISHED").</summary>
    internal static string BriefSummary(TlsStream tls, bool server)
    {
        TlsConnection c = tls.Connection!;
        var text = new StringBuilder();
        text.Append("Protocol version: ").Append(TlsText.Protocol(c.NegotiatedVersion)).Append('\n');
        text.Append("Ciphersuite: ").Append(TlsText.Cipher(c.NegotiatedCipherSuite)).Append('\n');
        if (c.PeerCertificates.Count > 0)
        {
            text.Append("Peer certificate: ").Append(c.PeerCertificates[0].Subject).Append('\n');
            if (c.PeerSignatureScheme is { } scheme)
            {
                if (TlsText.SigningDigest(scheme) is { } digest)
                {
                    text.Append("Hash used: ").Append(digest).Append('\n');
                }

                text.Append("Signature type: ").Append(TlsText.SignatureType(scheme)).Append('\n');
            }

            text.Append(c.PeerVerifyResult == X509VerifyError.Ok ? "Verification: OK\n" : $"Verification error: {c.PeerVerifyResult.GetMessage()}\n");
        }
        else
        {
            text.Append("No peer certificate\n");
        }

        if (TlsText.TempKey(c.NegotiatedGroup) is { } tempKey)
        {
            text.Append(server ? "Peer Temp Key: " : "Server Temp Key: ").Append(tempKey).Append('\n');
        }

        return text.ToString();
    }

    private sealed class Settings
    {
        public string? Connect { get; set; }

        public string? ServerName { get; set; }

        public bool Brief { get; set; }

        public bool Quiet { get; set; }

        public bool IgnoreEof { get; set; }

        public bool VerifyReturnError { get; set; }

        public TlsPeerSettings Tls { get; } = new();
    }
}
