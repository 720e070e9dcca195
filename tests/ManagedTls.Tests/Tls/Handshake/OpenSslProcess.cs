using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using ManagedTls.Tests.TestSupport;
using ManagedTls.Tls;

namespace ManagedTls.Tests.Tls.Handshake;

/// <summary>A long-running <c>openssl s_server</c>/<c>s_client</c> and a socket pump for a <see cref="TlsConnection"/>.</summary>
internal sealed class OpenSslProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private OpenSslProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => { lock (_output) { _output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (_output) { _output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    internal string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    internal static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    internal static OpenSslProcess Start(params string[] args)
    {
        string openssl = ProcessRunner.FindOnPath("openssl") ?? throw new SkipException("openssl not found");
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

        return new OpenSslProcess(Process.Start(info)!);
    }

    internal void WaitFor(string text, int timeoutMs = 15000)
    {
        var watch = Stopwatch.StartNew();
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (watch.ElapsedMilliseconds > timeoutMs || _process.HasExited && !Output.Contains(text, StringComparison.Ordinal))
            {
                Thread.Sleep(200);
                if (Output.Contains(text, StringComparison.Ordinal))
                {
                    return;
                }

                throw new TimeoutException($"openssl did not print \"{text}\"; output so far:\n{Output}");
            }

            Thread.Sleep(20);
        }
    }

    internal void WriteStdin(string text)
    {
        _process.StandardInput.Write(text);
        _process.StandardInput.Flush();
    }

    internal bool WaitForExit(int timeoutMs) => _process.WaitForExit(timeoutMs);

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
    }

    /// <summary>
    /// Sends an HTTP/1.0 GET on <paramref name="connection"/> and collects what <c>openssl s_server -www</c> answers until
    /// its close_notify.
    /// </summary>
    internal static string FetchPage(TlsConnection connection, Socket socket)
    {
        connection.Write(Encoding.ASCII.GetBytes("GET / HTTP/1.0\r\n\r\n"));
        var page = new StringBuilder();
        Drive(connection, socket, () =>
        {
            if (connection.PlaintextAvailable > 0)
            {
                page.Append(Encoding.ASCII.GetString(TlsTestKit.ReadAll(connection)));
            }

            return connection.ReceivedCloseNotify;
        });
        return page.ToString();
    }

    /// <summary>Drives <paramref name="connection"/> over <paramref name="socket"/> until <paramref name="done"/> or EOF/timeout.</summary>
    internal static void Drive(TlsConnection connection, Socket socket, Func<bool> done, int timeoutMs = 15000)
    {
        byte[] buffer = new byte[1 << 16];
        var watch = Stopwatch.StartNew();
        socket.ReceiveTimeout = 200;
        while (!done())
        {
            while (connection.PendingTlsBytes > 0)
            {
                int count = connection.WriteTls(buffer);
                socket.Send(buffer.AsSpan(0, count));
            }

            if (done() || connection.Failure is not null)
            {
                return;
            }

            if (watch.ElapsedMilliseconds > timeoutMs)
            {
                throw new TimeoutException("the TLS exchange did not finish");
            }

            int received;
            try
            {
                received = socket.Receive(buffer);
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.TimedOut)
            {
                continue;
            }

            if (received == 0)
            {
                return;
            }

            TlsTestKit.Deliver(connection, buffer.AsSpan(0, received));
        }

        while (connection.PendingTlsBytes > 0)
        {
            int count = connection.WriteTls(buffer);
            socket.Send(buffer.AsSpan(0, count));
        }
    }
}
