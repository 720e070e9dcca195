using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ManagedTls.Crypto;
using ManagedTls.Tests.TestSupport;
using ManagedTls.Tls;
using ManagedTls.Tls.KeySchedule;
using ManagedTls.Tls.Record;
using ManagedTls.Tls.Suites;

namespace ManagedTls.Tests.Tls.Record;

/// <summary>
/// Real connections between <c>openssl s_client</c> and <c>openssl s_server</c>, recorded through a loopback relay.
/// From the secrets OpenSSL writes to its key log, our key schedule derives the record keys, our record layer opens
/// every protected record of both directions, our Finished computations reproduce both sides' verify_data, and our
/// exporters reproduce the keying material <c>-keymatexport</c> prints.
/// </summary>
public class OpenSslRecordInteropTests
{
    private const string ExporterLabel = "EXPERIMENTAL-managedtls-record";
    private static readonly ICryptoProvider s_provider = CryptoProviders.Default;
    private static readonly byte[] s_clientData = "ping from openssl s_client\n"u8.ToArray();

    private sealed record Capture(byte[] ClientToServer, byte[] ServerToClient, Dictionary<string, byte[]> KeyLog, byte[] KeyingMaterial);

    private sealed class Direction
    {
        public List<(TlsHandshakeType Type, byte[] Message)> Handshake { get; } = [];

        public List<byte> ApplicationData { get; } = [];

        public List<byte[]> Alerts { get; } = [];

        public int ProtectedRecords { get; set; }
    }

    [SkippableTheory]
    [InlineData("TLS_AES_128_GCM_SHA256")]
    [InlineData("TLS_AES_256_GCM_SHA384")]
    [InlineData("TLS_CHACHA20_POLY1305_SHA256")]
    public void Tls13_records_finished_and_exporter_of_an_openssl_connection(string suiteName)
    {
        TlsCipherSuiteInfo suite = TlsCipherSuites.Get(Enum.Parse<TlsCipherSuite>(suiteName));
        Capture capture = Run(["-tls1_3", "-ciphersuites", suiteName], ["-ciphersuites", suiteName]);

        byte[] Secret(string label) => capture.KeyLog[label];
        RecordProtection Protection(string label)
        {
            (byte[] key, byte[] iv) = Tls13Keys.TrafficKeys(s_provider, suite, Secret(label));
            return RecordProtection.CreateTls13(s_provider, suite, key, iv);
        }

        Direction server = Read(capture.ServerToClient, tls13: true, (message, layer) =>
        {
            if (message == TlsHandshakeType.ServerHello)
            {
                layer.SetReadProtection(Protection(NssKeyLog.ServerHandshakeTrafficSecret));
            }
            else if (message == TlsHandshakeType.Finished)
            {
                layer.SetReadProtection(Protection(NssKeyLog.ServerTrafficSecret0));
            }
        });
        Direction client = Read(capture.ClientToServer, tls13: true, (message, layer) =>
        {
            if (message == TlsHandshakeType.ClientHello)
            {
                layer.SetReadProtection(Protection(NssKeyLog.ClientHandshakeTrafficSecret));
            }
            else if (message == TlsHandshakeType.Finished)
            {
                layer.SetReadProtection(Protection(NssKeyLog.ClientTrafficSecret0));
            }
        });

        client.ApplicationData.ToArray().ShouldBe(s_clientData);
        server.Handshake.Select(m => m.Type).Take(5).ShouldBe(
            [TlsHandshakeType.ServerHello, TlsHandshakeType.EncryptedExtensions, TlsHandshakeType.Certificate, TlsHandshakeType.CertificateVerify, TlsHandshakeType.Finished]);
        server.Handshake.Skip(5).ShouldAllBe(m => m.Type == TlsHandshakeType.NewSessionTicket);
        client.Handshake.Select(m => m.Type).ShouldBe([TlsHandshakeType.ClientHello, TlsHandshakeType.Finished]);
        server.ProtectedRecords.ShouldBeGreaterThan(1);

        // RFC 8446 §4.4.4: both Finished messages, from our transcript hash over OpenSSL's messages.
        using var transcript = new TranscriptHash(s_provider);
        transcript.Add(client.Handshake[0].Message);
        transcript.SetHash(suite.Hash);
        for (int i = 0; i < 4; i++)
        {
            transcript.Add(server.Handshake[i].Message);
        }

        byte[] serverVerify = Tls13Keys.FinishedVerifyData(s_provider, suite.Hash, Secret(NssKeyLog.ServerHandshakeTrafficSecret), transcript.GetCurrentHash());
        server.Handshake[4].Message[4..].ShouldBe(serverVerify);
        transcript.Add(server.Handshake[4].Message);
        byte[] clientVerify = Tls13Keys.FinishedVerifyData(s_provider, suite.Hash, Secret(NssKeyLog.ClientHandshakeTrafficSecret), transcript.GetCurrentHash());
        client.Handshake[1].Message[4..].ShouldBe(clientVerify);

        // RFC 8446 §7.5: s_client's -keymatexport (no context) from EXPORTER_SECRET.
        byte[] exported = new byte[capture.KeyingMaterial.Length];
        Tls13Keys.Export(s_provider, suite.Hash, Secret(NssKeyLog.ExporterSecret), ExporterLabel, [], exported);
        exported.ShouldBe(capture.KeyingMaterial);
    }

    [SkippableTheory]
    [InlineData("ECDHE-ECDSA-AES128-GCM-SHA256", TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256)]
    [InlineData("ECDHE-ECDSA-AES256-GCM-SHA384", TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384)]
    [InlineData("ECDHE-ECDSA-CHACHA20-POLY1305", TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256)]
    [InlineData("ECDHE-ECDSA-AES128-SHA256", TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256, true)]
    [InlineData("ECDHE-ECDSA-AES256-SHA384", TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384, false)]
    [InlineData("ECDHE-ECDSA-AES128-SHA", TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA, false)]
    [InlineData("ECDHE-ECDSA-AES256-SHA", TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA, true)]
    public void Tls12_records_finished_and_exporter_of_an_openssl_connection(string openSslName, TlsCipherSuite id, bool encryptThenMac = false)
    {
        TlsCipherSuiteInfo suite = TlsCipherSuites.Get(id);
        // CBC suites: OpenSSL negotiates encrypt_then_mac (RFC 7366) unless the client sends -no_etm.
        string[] etm = suite.IsAead || encryptThenMac ? [] : ["-no_etm"];
        Capture capture = Run(["-tls1_2", "-cipher", openSslName, .. etm], ["-cipher", openSslName]);

        byte[] clientRandom = [];
        byte[] serverRandom = [];
        Tls12Keys? keys = null;
        Tls12Keys Keys() => keys ??= Tls12Keys.Derive(s_provider, suite, capture.KeyLog[NssKeyLog.ClientRandom + " " + Convert.ToHexStringLower(clientRandom)], clientRandom, serverRandom);

        // Handshake messages carry the randoms in clear; the key block needs both.
        clientRandom = FirstHandshakeBody(capture.ClientToServer)[2..34];
        serverRandom = FirstHandshakeBody(capture.ServerToClient)[2..34];

        RecordProtection Protection(bool fromClient)
        {
            Tls12Keys k = Keys();
            return suite.IsAead
                ? RecordProtection.CreateTls12Aead(s_provider, suite, fromClient ? k.ClientWriteKey : k.ServerWriteKey, fromClient ? k.ClientWriteIv : k.ServerWriteIv)
                : RecordProtection.CreateTls12Cbc(s_provider, suite, fromClient ? k.ClientWriteKey : k.ServerWriteKey, fromClient ? k.ClientMacKey : k.ServerMacKey, encryptThenMac);
        }

        Direction server = Read(capture.ServerToClient, tls13: false, onChangeCipherSpec: layer => layer.SetReadProtection(Protection(fromClient: false)));
        Direction client = Read(capture.ClientToServer, tls13: false, onChangeCipherSpec: layer => layer.SetReadProtection(Protection(fromClient: true)));

        client.ApplicationData.ToArray().ShouldBe(s_clientData);
        client.ProtectedRecords.ShouldBeGreaterThanOrEqualTo(2);
        server.ProtectedRecords.ShouldBeGreaterThanOrEqualTo(1);
        client.Handshake.Select(m => m.Type).ShouldBe([TlsHandshakeType.ClientHello, TlsHandshakeType.ClientKeyExchange, TlsHandshakeType.Finished]);
        server.Handshake[^1].Type.ShouldBe(TlsHandshakeType.Finished);

        // RFC 5246 §7.4.9: verify_data over every handshake message before the Finished, in protocol order.
        byte[] master = capture.KeyLog[NssKeyLog.ClientRandom + " " + Convert.ToHexStringLower(clientRandom)];
        using var transcript = new TranscriptHash(s_provider);
        transcript.SetHash(suite.Hash);
        transcript.Add(client.Handshake[0].Message);
        foreach ((TlsHandshakeType type, byte[] message) in server.Handshake)
        {
            if (type is TlsHandshakeType.NewSessionTicket or TlsHandshakeType.Finished)
            {
                break;
            }

            transcript.Add(message);
        }

        transcript.Add(client.Handshake[1].Message);
        client.Handshake[2].Message[4..].ShouldBe(Tls12Prf.VerifyData(s_provider, suite.Hash, master, client: true, transcript.GetCurrentHash()));
        transcript.Add(client.Handshake[2].Message);
        foreach ((TlsHandshakeType type, byte[] message) in server.Handshake)
        {
            if (type == TlsHandshakeType.NewSessionTicket)
            {
                transcript.Add(message);
            }
        }

        server.Handshake[^1].Message[4..].ShouldBe(Tls12Prf.VerifyData(s_provider, suite.Hash, master, client: false, transcript.GetCurrentHash()));

        // RFC 5705: s_client's -keymatexport uses no context.
        byte[] exported = new byte[capture.KeyingMaterial.Length];
        Tls12Prf.Export(s_provider, suite.Hash, master, clientRandom, serverRandom, ExporterLabel, [], useContext: false, exported);
        exported.ShouldBe(capture.KeyingMaterial);
    }

    /// <summary>Reads one direction of a recorded connection through our record layer and handshake joiner.</summary>
    private static Direction Read(byte[] wire, bool tls13, Action<TlsHandshakeType, RecordLayer>? afterMessage = null, Action<RecordLayer>? onChangeCipherSpec = null)
    {
        var result = new Direction();
        using var layer = new RecordLayer { IsTls13 = tls13 };
        using var joiner = new HandshakeJoiner(1 << 17);
        int offset = 0;
        while (true)
        {
            while (layer.TryReadRecord(out TlsContentType type, out ReadOnlyMemory<byte> payload))
            {
                if (layer.IsReadProtected && type != TlsContentType.ChangeCipherSpec)
                {
                    result.ProtectedRecords++;
                }

                switch (type)
                {
                    case TlsContentType.Handshake:
                        joiner.Add(payload.Span);
                        while (joiner.TryNext(out TlsHandshakeType messageType, out ReadOnlyMemory<byte> message))
                        {
                            result.Handshake.Add((messageType, message.ToArray()));
                            joiner.HasPartialMessage.ShouldBeFalse(); // keys never change mid-message here
                            afterMessage?.Invoke(messageType, layer);
                        }

                        break;
                    case TlsContentType.ApplicationData:
                        result.ApplicationData.AddRange(payload.ToArray());
                        break;
                    case TlsContentType.Alert:
                        result.Alerts.Add(payload.ToArray());
                        break;
                    case TlsContentType.ChangeCipherSpec:
                        onChangeCipherSpec?.Invoke(layer);
                        break;
                }
            }

            if (offset == wire.Length)
            {
                layer.HasPartialRecord.ShouldBeFalse();
                return result;
            }

            offset += layer.Feed(wire.AsSpan(offset, Math.Min(1000, wire.Length - offset)));
        }
    }

    private static byte[] FirstHandshakeBody(byte[] wire)
    {
        wire[0].ShouldBe((byte)TlsContentType.Handshake);
        int length = (wire[3] << 8) | wire[4];
        return wire.AsSpan(5 + 4, length - 4).ToArray();
    }

    /// <summary>Runs s_server and s_client through a recording relay; returns both directions, the key log and s_client's exported keying material.</summary>
    private static Capture Run(string[] clientArgs, string[] serverArgs)
    {
        string openssl = OpenSslPeer.Require();
        string dir = Directory.CreateTempSubdirectory("mtls-record-").FullName;
        try
        {
            string key = Path.Combine(dir, "key.pem");
            string cert = Path.Combine(dir, "cert.pem");
            string keyLog = Path.Combine(dir, "keylog.txt");
            OpenSslPeer.Run("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", key, "-out", cert, "-subj", "/CN=localhost", "-days", "1");

            int serverPort = FreePort();
            var serverStart = new ProcessStartInfo(openssl)
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string arg in (string[])["s_server", "-accept", "127.0.0.1:" + serverPort, "-naccept", "1", "-cert", cert, "-key", key, .. serverArgs])
            {
                serverStart.ArgumentList.Add(arg);
            }

            using Process server = Process.Start(serverStart)!;
            var ready = new TaskCompletionSource();
            server.OutputDataReceived += (_, e) =>
            {
                if (e.Data?.Contains("ACCEPT", StringComparison.Ordinal) == true)
                {
                    ready.TrySetResult();
                }
            };
            server.ErrorDataReceived += (_, _) => { };
            server.BeginOutputReadLine();
            server.BeginErrorReadLine();
            try
            {
                ready.Task.Wait(TimeSpan.FromSeconds(20)).ShouldBeTrue("s_server did not start");

                using var relayListener = new TcpListener(IPAddress.Loopback, 0);
                relayListener.Start();
                int relayPort = ((IPEndPoint)relayListener.LocalEndpoint).Port;
                var clientToServer = new MemoryStream();
                var serverToClient = new MemoryStream();
                Task relay = Task.Run(async () =>
                {
                    using TcpClient downstream = await relayListener.AcceptTcpClientAsync();
                    using var upstream = new TcpClient();
                    await upstream.ConnectAsync(IPAddress.Loopback, serverPort);
                    await Task.WhenAll(
                        Pump(downstream.GetStream(), upstream, clientToServer),
                        Pump(upstream.GetStream(), downstream, serverToClient));
                });

                ProcessResult client = ProcessRunner.Run(
                    openssl,
                    ["s_client", "-connect", "127.0.0.1:" + relayPort, "-keylogfile", keyLog, "-keymatexport", ExporterLabel, "-keymatexportlen", "32", .. clientArgs],
                    s_clientData,
                    timeout: TimeSpan.FromSeconds(30));
                client.ExitCode.ShouldBe(0, client.Stderr);
                relay.Wait(TimeSpan.FromSeconds(20)).ShouldBeTrue("the relay did not finish");

                string material = client.Stdout.Split('\n').First(l => l.Contains("Keying material:", StringComparison.Ordinal)).Split(':')[1].Trim();
                var log = new Dictionary<string, byte[]>();
                foreach (string line in File.ReadAllLines(keyLog))
                {
                    string[] parts = line.Split(' ');
                    if (parts.Length == 3 && !line.StartsWith('#'))
                    {
                        // TLS 1.2 lines are keyed by client random; TLS 1.3 connections here have one of each label.
                        string name = parts[0] == NssKeyLog.ClientRandom ? parts[0] + " " + parts[1] : parts[0];
                        log[name] = Convert.FromHexString(parts[2]);
                    }
                }

                return new Capture(clientToServer.ToArray(), serverToClient.ToArray(), log, Convert.FromHexString(material));
            }
            finally
            {
                if (!server.HasExited)
                {
                    server.Kill();
                }

                server.WaitForExit(5000);
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task Pump(NetworkStream from, TcpClient to, MemoryStream record)
    {
        byte[] buffer = new byte[16384];
        NetworkStream destination = to.GetStream();
        int n;
        try
        {
            while ((n = await from.ReadAsync(buffer)) > 0)
            {
                lock (record)
                {
                    record.Write(buffer, 0, n);
                }

                await destination.WriteAsync(buffer.AsMemory(0, n));
            }

            to.Client.Shutdown(SocketShutdown.Send);
        }
        catch (IOException)
        {
            // a reset after close_notify ends the recording as well
        }
        catch (SocketException)
        {
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
