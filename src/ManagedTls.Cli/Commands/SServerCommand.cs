using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;
using ManagedTls.Net;
using ManagedTls.Tls;
using ManagedTls.Tls.Suites;

namespace ManagedTls.Cli;

/// <summary>
/// <c>mtls s_server</c>: openssl's TLS test server. Prints "ACCEPT" once listening, then for each connection runs the
/// handshake with ManagedTls and either (<c>-www</c>) answers a GET with a status page naming the protocol version
/// and cipher in OpenSSL's naming, or copies the connection to stdout and stdin to the connection (stdin lines "Q"
/// stop the server, "q" closes the connection, "K"/"k" send a TLS 1.3 KeyUpdate; end of stdin stops the server).
/// </summary>
internal sealed class SServerCommand : ICommand
{
    public string Name => "s_server";

    public string Summary => "TLS test server (TLS 1.2/1.3 with ManagedTls)";

    public int Run(ReadOnlySpan<string> args, CommandContext context)
    {
        var s = new Settings();
        var options = new OptionSet(Name).Section("General")
            .Value("accept", "val", "TCP/IP optional host and port to listen on for connections (default is 4433)", v => s.Accept = v)
            .Value("naccept", "+int", "Terminate after #num connections", v => s.Naccept = OptionSet.ParseNonNegative("naccept", v))
            .Flag("www", "Respond to a 'GET /' with a status page", () => s.Www = true)
            .Section("Validation")
            .Value("verify", "int", "Turn on peer certificate verification", v => (s.VerifyDepth, s.Verify) = (Depth("verify", v), TlsVerifyMode.Peer))
            .Value("Verify", "int", "Turn on peer certificate verification, must have a cert",
                v => (s.VerifyDepth, s.Verify) = (Depth("Verify", v), TlsVerifyMode.Peer | TlsVerifyMode.FailIfNoPeerCertificate))
            .Section("TLS");
        s.Tls.Declare(options, server: true);
        options.Parse(args, context.Error);
        if (options.HelpRequested)
        {
            return 0;
        }

        if (options.Positionals.Count > 0)
        {
            throw new UsageException($"Extra option: \"{options.Positionals[0]}\"");
        }

        var server = new TlsServerOptions();
        s.Tls.ApplyTo(server, context, server: true, context.Error);
        server.VerifyMode = s.Verify;
        if (s.Verify != TlsVerifyMode.None)
        {
            server.VerifyDepth = s.VerifyDepth;
            server.VerifyCallback = TlsText.VerifyCallback(context.Error, quiet: false, returnError: false);
        }

        string commandLine = "s_server " + string.Join(' ', args.ToArray()) + " ";
        return Serve(s, server, commandLine, context);
    }

    private static int Depth(string option, string value) =>
        int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int depth)
            ? depth
            : throw new UsageException($"Invalid number \"{value}\" for option -{option}");

    private static TcpListener Listen(string? accept)
    {
        string text = accept ?? "4433";
        int colon = text.LastIndexOf(':');
        string? host = colon < 0 ? null : text[..colon].Trim('[', ']');
        string portText = colon < 0 ? text : text[(colon + 1)..];
        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port > 65535)
        {
            throw new UsageException($"Invalid port \"{portText}\"");
        }

        TcpListener listener;
        if (string.IsNullOrEmpty(host) || host == "*")
        {
            listener = new TcpListener(IPAddress.IPv6Any, port);
            listener.Server.DualMode = true;
        }
        else
        {
            IPAddress address = IPAddress.TryParse(host, out IPAddress? parsed) ? parsed : Dns.GetHostAddresses(host)[0];
            listener = new TcpListener(address, port);
        }

        try
        {
            listener.Start();
        }
        catch (SocketException e)
        {
            throw new CommandException($"error:system library:BIO_listen:{e.Message}");
        }

        return listener;
    }

    private static int Serve(Settings s, TlsServerOptions options, string commandLine, CommandContext context)
    {
        using TcpListener listener = Listen(s.Accept)!;
        context.Out.WriteLine("ACCEPT");
        context.Out.Flush();
        var stdin = new StdinLines(context.In);
        int remaining = s.Naccept ?? -1;
        bool stop = false;
        while (!stop && remaining != 0)
        {
            Socket socket = listener.AcceptSocket();
            socket.NoDelay = true;
            if (remaining > 0)
            {
                remaining--;
            }

            using var tls = new TlsStream(new NetworkStream(socket, ownsSocket: true));
            DateTimeOffset start = DateTimeOffset.UtcNow;
            try
            {
                tls.AuthenticateAsServer(options);
            }
            catch (Exception e) when (e is TlsException or IOException)
            {
                context.Error.WriteLine("ERROR");
                context.Error.WriteLine(e is TlsException t ? TlsText.Failure(t) : $"error:SSL routines::unexpected eof while reading ({e.Message})");
                context.Error.Flush();
                continue;
            }

            try
            {
                stop = s.Www ? ServePage(tls, commandLine, start) : Talk(tls, context, stdin);
            }
            catch (IOException e)
            {
                context.Error.WriteLine($"error:SSL routines::{e.Message}");
                context.Error.Flush();
            }
        }

        return 0;
    }

    // apps/s_server.c www_body: the request line, then the status page; HTTP/1.0, so the connection closes after it.
    private static bool ServePage(TlsStream tls, string commandLine, DateTimeOffset start)
    {
        var request = new StringBuilder();
        byte[] buffer = new byte[4096];
        int n;
        while (!request.ToString().Contains("\r\n\r\n", StringComparison.Ordinal) && !request.ToString().Contains("\n\n", StringComparison.Ordinal)
            && (n = tls.Read(buffer)) > 0)
        {
            request.Append(Encoding.ASCII.GetString(buffer, 0, n));
        }

        if (request.ToString().StartsWith("GET ", StringComparison.Ordinal))
        {
            tls.Write(Encoding.ASCII.GetBytes(StatusPage(tls, commandLine, start)));
        }

        tls.Shutdown();
        return false;
    }

    internal static string StatusPage(TlsStream tls, string commandLine, DateTimeOffset start)
    {
        TlsConnection c = tls.Connection!;
        var page = new StringBuilder("HTTP/1.0 200 ok\r\nContent-type: text/html\r\n\r\n<HTML><BODY BGCOLOR=\"#ffffff\">\n<pre>\n\n");
        page.Append(commandLine).Append('\n');
        page.Append(c.NegotiatedVersion == TlsProtocolVersion.Tls13 ? "Secure Renegotiation IS NOT supported\n" : "Secure Renegotiation IS supported\n");
        page.Append("Ciphers supported in s_server binary\n");
        int column = 0;
        foreach (TlsCipherSuiteInfo info in TlsCipherSuites.All)
        {
            if (!info.IsImplemented)
            {
                continue;
            }

            if (column > 0 && column % 2 == 0)
            {
                page.Append('\n');
            }

            page.Append(CultureInfo.InvariantCulture, $"{TlsText.Protocol(info.MinVersion),-11}:{info.OpenSslName,-25} ");
            column++;
        }

        page.Append("\n---\nNew, ").Append(TlsText.Protocol(c.NegotiatedVersion)).Append(", Cipher is ").Append(TlsText.Cipher(c.NegotiatedCipherSuite)).Append('\n');
        TlsText.AppendSession(page, tls, start);
        page.Append("---\n");
        if (c.PeerCertificates.Count > 0)
        {
            page.Append("Client certificate\n").Append(c.PeerCertificates[0].ToText()).Append(c.PeerCertificates[0].ToPem());
        }
        else
        {
            page.Append("no client certificate available\n");
        }

        page.Append("</pre></BODY></HTML>\r\n\r\n");
        return page.ToString();
    }

    // apps/s_server.c sv_body: connection to stdout, stdin to the connection. Returns true when the server should stop.
    private static bool Talk(TlsStream tls, CommandContext context, StdinLines stdin)
    {
        context.Out.WriteLine("CIPHER is " + TlsText.Cipher(tls.NegotiatedCipherSuite));
        context.Out.WriteLine(tls.NegotiatedVersion == TlsProtocolVersion.Tls13 ? "Secure Renegotiation IS NOT supported" : "Secure Renegotiation IS supported");
        context.Out.Flush();
        using var done = new CancellationTokenSource();
        Task reader = Task.Run(() =>
        {
            byte[] buffer = new byte[16 * 1024];
            int n;
            while ((n = tls.Read(buffer)) > 0)
            {
                lock (context.OutStream)
                {
                    context.OutStream.Write(buffer, 0, n);
                    context.OutStream.Flush();
                }
            }
        });
        Task<bool> writer = Task.Run(async () =>
        {
            while (true)
            {
                byte[]? chunk = await stdin.ReadAsync(done.Token);
                if (chunk is null)
                {
                    context.Error.WriteLine("DONE");
                    return true;
                }

                string line = Encoding.ASCII.GetString(chunk).TrimEnd('\r', '\n');
                if (line is "Q" or "q")
                {
                    return line == "Q";
                }

                if (!SClientCommand.SendWithCommands(tls, chunk, context.Error))
                {
                    return true;
                }
            }
        });
        Task.WaitAny(reader, writer);
        done.Cancel();
        bool stop = false;
        try
        {
            stop = writer.IsCompletedSuccessfully && writer.Result;
            context.Out.WriteLine("shutting down SSL");
            tls.Shutdown();
        }
        catch (IOException)
        {
            // the peer has gone already
        }

        context.Out.WriteLine("CONNECTION CLOSED");
        context.Out.Flush();
        if (reader.IsFaulted)
        {
            context.Error.WriteLine($"error:SSL routines::{reader.Exception!.InnerException!.Message}");
        }

        return stop;
    }

    /// <summary>Standard input read by one task for the server's whole life, handed out line by line (null at end).</summary>
    private sealed class StdinLines
    {
        private readonly Stream _in;
        private Channel<byte[]>? _lines;

        public StdinLines(Stream input) => _in = input;

        public async ValueTask<byte[]?> ReadAsync(CancellationToken cancellationToken)
        {
            _lines ??= Start();
            try
            {
                return await _lines.Reader.ReadAsync(cancellationToken);
            }
            catch (ChannelClosedException)
            {
                return null;
            }
        }

        private Channel<byte[]> Start()
        {
            var channel = Channel.CreateUnbounded<byte[]>();
            _ = Task.Run(() =>
            {
                var line = new MemoryStream();
                byte[] buffer = new byte[16 * 1024];
                int n;
                while ((n = _in.Read(buffer)) > 0)
                {
                    int start = 0;
                    for (int i = 0; i < n; i++)
                    {
                        if (buffer[i] == '\n')
                        {
                            line.Write(buffer, start, i + 1 - start);
                            channel.Writer.TryWrite(line.ToArray());
                            line.SetLength(0);
                            start = i + 1;
                        }
                    }

                    line.Write(buffer, start, n - start);
                }

                if (line.Length > 0)
                {
                    channel.Writer.TryWrite(line.ToArray());
                }

                channel.Writer.Complete();
            });
            return channel;
        }
    }

    private sealed class Settings
    {
        public string? Accept { get; set; }

        public int? Naccept { get; set; }

        public bool Www { get; set; }

        public TlsVerifyMode Verify { get; set; }

        public int VerifyDepth { get; set; } = 100;

        public TlsPeerSettings Tls { get; } = new();
    }
}
