using ManagedTls.Tls.Wire;

namespace ManagedTls.Tls.Messages;

/// <summary>Finished (RFC 8446 §4.4.4, RFC 5246 §7.4.9): verify_data whose length is fixed by the hash / PRF.</summary>
internal sealed class Finished : IHandshakeBody
{
    internal Finished(byte[] verifyData) => VerifyData = verifyData;

    public TlsHandshakeType Type => TlsHandshakeType.Finished;

    internal byte[] VerifyData { get; }

    internal static Finished Decode(ReadOnlySpan<byte> body, int expectedLength)
    {
        if (body.Length != expectedLength)
        {
            throw TlsException.Decode($"RFC 8446 §4.4.4: Finished of {body.Length} bytes, expected {expectedLength}");
        }

        return new Finished(body.ToArray());
    }

    /// <inheritdoc/>
    public void EncodeBody(TlsWriter writer) => writer.WriteBytes(VerifyData);
}
