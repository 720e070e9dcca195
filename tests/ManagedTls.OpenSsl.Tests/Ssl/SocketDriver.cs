using System.Net.Sockets;

namespace ManagedTls.OpenSsl.Tests;

/// <summary>Drives a memory-BIO <see cref="Connection"/> over a socket, the way a pyOpenSSL application does.</summary>
internal static class SocketDriver
{
    /// <summary>Runs <paramref name="operation"/> until it stops asking for input, moving TLS bytes through the socket.</summary>
    public static T Run<T>(Connection connection, Socket socket, Func<T> operation)
    {
        byte[] buffer = new byte[16384];
        while (true)
        {
            try
            {
                T result = operation();
                Flush(connection, socket);
                return result;
            }
            catch (WantReadException)
            {
                Flush(connection, socket);
                int n = socket.Receive(buffer);
                if (n == 0)
                {
                    connection.BioShutdown();
                }
                else
                {
                    connection.BioWrite(buffer.AsSpan(0, n));
                }
            }
            catch (SslException)
            {
                Flush(connection, socket);
                throw;
            }
        }
    }

    /// <summary>Runs <paramref name="operation"/> as <see cref="Run{T}"/>.</summary>
    public static void Run(Connection connection, Socket socket, Action operation) => Run(connection, socket, () =>
    {
        operation();
        return 0;
    });

    /// <summary>Sends everything the connection has queued.</summary>
    public static void Flush(Connection connection, Socket socket)
    {
        while (true)
        {
            byte[] data;
            try
            {
                data = connection.BioRead(65536);
            }
            catch (WantReadException)
            {
                return;
            }

            socket.Send(data);
        }
    }
}
