using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ManagedTls.OpenSsl.Tests;

/// <summary>The facade's memory-BIO <see cref="Connection"/> driven over TCP against openssl's s_server and s_client.</summary>
public sealed class ConnectionInteropTests
{
    private static SslPki Pki => SslPki.Instance;

    [SkippableTheory]
    [InlineData("TLS_AES_128_GCM_SHA256")]
    [InlineData("TLS_CHACHA20_POLY1305_SHA256")]
    public void Client_AgainstOpenSslServerWww_VerifiesAndReadsThePage(string suite)
    {
        using Process server = StartOpenSsl("s_server", "-accept", "127.0.0.1:0", "-cert", Pki.ServerPem, "-key", Pki.ServerKeyPem,
            "-cert_chain", Pki.IntermediatePem, "-www", "-naccept", "1", "-ciphersuites", suite);
        int port = ReadAcceptPort(server);
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveTimeout = 20000 };
        socket.Connect(IPAddress.Loopback, port);
        Context context = Pki.ClientContext();
        var client = new Connection(context);
        client.SetConnectState();
        client.SetTlsextHostName("localhost");

        SocketDriver.Run(client, socket, client.DoHandshake);
        SocketDriver.Run(client, socket, () => client.Sendall("GET / HTTP/1.0\r\n\r\n"u8));
        var page = new StringBuilder();
        try
        {
            while (true)
            {
                page.Append(Encoding.ASCII.GetString(SocketDriver.Run(client, socket, () => client.Recv(65536))));
            }
        }
        catch (ZeroReturnException)
        {
        }

        client.GetCipherName().ShouldBe(suite);
        client.GetProtocolVersionName().ShouldBe("TLSv1.3");
        client.GetVerifiedChain()!.Count.ShouldBe(3);
        page.ToString().ShouldContain("HTTP/1.0 200 ok");
        page.ToString().ShouldContain($"New, TLSv1.3, Cipher is {suite}");
        client.GetShutdown().ShouldBe(ShutdownState.Received);
    }

    [SkippableTheory]
    [InlineData("ECDHE-ECDSA-AES128-GCM-SHA256")]
    [InlineData("ECDHE-ECDSA-CHACHA20-POLY1305")]
    public void Tls12Client_AgainstOpenSslServerWww_VerifiesAndReadsThePage(string cipher)
    {
        using Process server = StartOpenSsl("s_server", "-accept", "127.0.0.1:0", "-cert", Pki.ServerPem, "-key", Pki.ServerKeyPem,
            "-cert_chain", Pki.IntermediatePem, "-www", "-naccept", "1", "-tls1_2", "-cipher", cipher);
        int port = ReadAcceptPort(server);
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveTimeout = 20000 };
        socket.Connect(IPAddress.Loopback, port);
        var client = new Connection(Pki.ClientContext(SslMethod.Tlsv1_2));
        client.SetConnectState();

        SocketDriver.Run(client, socket, client.DoHandshake);
        SocketDriver.Run(client, socket, () => client.Sendall("GET / HTTP/1.0\r\n\r\n"u8));
        string page = ReadAll(client, socket);

        client.GetCipherName().ShouldBe(cipher);
        client.GetProtocolVersionName().ShouldBe("TLSv1.2");
        client.GetVerifiedChain()!.Count.ShouldBe(3);
        page.ShouldContain($"New, TLSv1.2, Cipher is {cipher}");
    }

    [SkippableFact]
    public void Server_OpenSslClient_VerifiesUsAndExchangesData()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using Process client = StartOpenSsl("s_client", "-connect", $"127.0.0.1:{port}", "-CAfile", Pki.RootPem, "-servername", "localhost",
            "-verify_return_error", "-quiet");
        using Socket socket = listener.AcceptSocket();
        socket.ReceiveTimeout = 20000;
        var server = new Connection(Pki.ServerContext());
        server.SetAcceptState();

        SocketDriver.Run(server, socket, server.DoHandshake);
        client.StandardInput.Write("ping\n");
        client.StandardInput.Flush();
        byte[] ping = SocketDriver.Run(server, socket, () => server.Recv(100));
        SocketDriver.Run(server, socket, () => server.Send("pong\n"u8));
        server.Shutdown().ShouldBeFalse();
        SocketDriver.Flush(server, socket);
        string output = client.StandardOutput.ReadLine() ?? "";
        client.StandardInput.Close();
        client.WaitForExit(20000).ShouldBeTrue();

        Encoding.ASCII.GetString(ping).ShouldBe("ping\n");
        output.ShouldBe("pong");
        server.GetServername().ShouldBe("localhost");
        server.GetProtocolVersionName().ShouldBe("TLSv1.3");
        server.GetCipherName().ShouldBe("TLS_AES_256_GCM_SHA384");
    }

    private static string ReadAll(Connection client, Socket socket)
    {
        var page = new StringBuilder();
        try
        {
            while (true)
            {
                page.Append(Encoding.ASCII.GetString(SocketDriver.Run(client, socket, () => client.Recv(65536))));
            }
        }
        catch (ZeroReturnException)
        {
        }

        return page.ToString();
    }

    private static Process StartOpenSsl(params string[] args)
    {
        string openssl = OpenSslPeer.Require();
        var info = new ProcessStartInfo(openssl)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        Process process = Process.Start(info)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        return process;
    }

    private static int ReadAcceptPort(Process server)
    {
        while (server.StandardOutput.ReadLine() is { } line)
        {
            if (line.StartsWith("ACCEPT ", StringComparison.Ordinal))
            {
                return int.Parse(line[(line.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException("openssl s_server did not report its port");
    }
}
