using System.Diagnostics;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using ManagedTls.Tests.TestSupport;

namespace ManagedTls.Tests.Tls.Interop;

/// <summary>
/// A long-running <c>openssl s_server</c> or <c>s_client</c> peer: stdin stays open for commands and data, stdout is
/// either collected as text or (for bulk transfers) hashed as it streams, stderr is collected. Dispose kills it.
/// </summary>
internal sealed class OpenSslProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly Task _stdoutPump;
    private readonly Task _stderrPump;
    private readonly IncrementalHash? _stdoutHash;
    private long _stdoutBytes;

    private OpenSslProcess(IReadOnlyList<string> args, string workingDirectory, bool hashStdout)
    {
        var info = new ProcessStartInfo(OpenSslPeer.Require())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        CommandLine = "openssl " + string.Join(' ', args);
        _stdoutHash = hashStdout ? IncrementalHash.CreateHash(HashAlgorithmName.SHA256) : null;
        _process = Process.Start(info) ?? throw new InvalidOperationException("could not start openssl");
        _stdoutPump = Task.Run(PumpStdoutAsync);
        _stderrPump = Task.Run(async () =>
        {
            string? line;
            while ((line = await _process.StandardError.ReadLineAsync().ConfigureAwait(false)) is not null)
            {
                lock (_stderr)
                {
                    _stderr.Append(line).Append('\n');
                }
            }
        });
    }

    public string CommandLine { get; }

    public Stream Stdin => _process.StandardInput.BaseStream;

    public string Stdout
    {
        get
        {
            lock (_stdout)
            {
                return _stdout.ToString();
            }
        }
    }

    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>Stdout and stderr together, for assertion messages.</summary>
    public string Transcript => $"{CommandLine}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";

    public long StdoutBytes => Interlocked.Read(ref _stdoutBytes);

    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Starts <c>openssl s_server -accept PORT</c> plus <paramref name="args"/> on a free port and waits until it listens.
    /// </summary>
    public static OpenSslProcess StartServer(string workingDirectory, IEnumerable<string> args, bool hashStdout = false)
    {
        for (int attempt = 0; ; attempt++)
        {
            int port = FreePort();
            var server = new OpenSslProcess(["s_server", "-accept", port.ToString(System.Globalization.CultureInfo.InvariantCulture), .. args],
                workingDirectory, hashStdout) { Port = port };
            if (server.WaitListening(port, TimeSpan.FromSeconds(10)))
            {
                return server;
            }

            string transcript = server.Transcript;
            server.Dispose();
            if (attempt == 2 || !transcript.Contains("in use", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"openssl s_server did not start listening:\n{transcript}");
            }
        }
    }

    /// <summary>Starts <c>openssl s_client -connect 127.0.0.1:PORT</c> plus <paramref name="args"/>.</summary>
    public static OpenSslProcess StartClient(string workingDirectory, int port, IEnumerable<string> args, bool hashStdout = false) =>
        new(["s_client", "-connect", "127.0.0.1:" + port.ToString(System.Globalization.CultureInfo.InvariantCulture), .. args], workingDirectory, hashStdout);

    /// <summary>The port a server listens on.</summary>
    public int Port { get; private init; }

    /// <summary>A port nobody listens on right now (bind to 0, read it, release it).</summary>
    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>Writes text to the peer's stdin (commands such as "K\n", or data to send).</summary>
    public void Send(string text)
    {
        byte[] bytes = Encoding.ASCII.GetBytes(text);
        Stdin.Write(bytes);
        Stdin.Flush();
    }

    public void CloseStdin()
    {
        try
        {
            _process.StandardInput.Close();
        }
        catch (IOException)
        {
            // already gone
        }
    }

    /// <summary>Waits for the process to exit and its output to drain; false on timeout.</summary>
    public bool WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            return false;
        }

        return Task.WaitAll([_stdoutPump, _stderrPump], timeout);
    }

    public int ExitCode => _process.ExitCode;

    /// <summary>Waits until stdout or stderr contains <paramref name="text"/>; false on timeout or exit without it.</summary>
    public bool WaitForOutput(string text, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (Stdout.Contains(text, StringComparison.Ordinal) || Stderr.Contains(text, StringComparison.Ordinal))
            {
                return true;
            }

            if (_process.HasExited && _stdoutPump.IsCompleted && _stderrPump.IsCompleted)
            {
                return Stdout.Contains(text, StringComparison.Ordinal) || Stderr.Contains(text, StringComparison.Ordinal);
            }

            Thread.Sleep(20);
        }

        return false;
    }

    /// <summary>The SHA-256 of everything the process wrote to stdout (hashing mode only), after it exited.</summary>
    public byte[] StdoutSha256()
    {
        _stdoutPump.Wait(TimeSpan.FromSeconds(30));
        return _stdoutHash!.GetHashAndReset();
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // exited meanwhile
        }

        _process.Dispose();
        _stdoutHash?.Dispose();
    }

    private bool WaitListening(int port, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout && !_process.HasExited)
        {
            foreach (IPEndPoint endPoint in IPGlobalProperties.GetIPGlobalProperties().GetActiveTcpListeners())
            {
                if (endPoint.Port == port)
                {
                    return true;
                }
            }

            Thread.Sleep(15);
        }

        return false;
    }

    private async Task PumpStdoutAsync()
    {
        Stream stdout = _process.StandardOutput.BaseStream;
        byte[] buffer = new byte[64 * 1024];
        int n;
        while ((n = await stdout.ReadAsync(buffer).ConfigureAwait(false)) > 0)
        {
            Interlocked.Add(ref _stdoutBytes, n);
            if (_stdoutHash is not null)
            {
                _stdoutHash.AppendData(buffer, 0, n);
            }
            else
            {
                lock (_stdout)
                {
                    _stdout.Append(Encoding.UTF8.GetString(buffer, 0, n));
                }
            }
        }
    }
}
