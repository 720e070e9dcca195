using System.Diagnostics.CodeAnalysis;
using ManagedTls.Asn1;
using ManagedTls.Keys;

namespace ManagedTls.X509;

/// <summary>
/// A SubjectPublicKeyInfo decoded on first use, shared by certificates and requests: an unknown or broken key must
/// not fail parsing of the object that carries it (decision 0008), so the key is decoded only when asked for.
/// </summary>
internal sealed class LazyPublicKey(ReadOnlyMemory<byte> subjectPublicKeyInfo)
{
    private PublicKey? _key;

    /// <exception cref="KeyFormatException">Unsupported or invalid key.</exception>
    /// <exception cref="DecodeException">The key's inner DER is malformed.</exception>
    public PublicKey Get()
    {
        if (_key is null)
        {
            var reader = new DerReader(subjectPublicKeyInfo.Span);
            _key = PublicKey.Decode(ref reader);
        }

        return _key;
    }

    public bool TryGet([NotNullWhen(true)] out PublicKey? key, out Exception? error)
    {
        try
        {
            key = Get();
            error = null;
            return true;
        }
        catch (Exception e) when (e is KeyFormatException or DecodeException)
        {
            key = null;
            error = e;
            return false;
        }
    }
}
