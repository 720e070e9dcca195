using System.Globalization;

namespace ManagedTls.Keys;

/// <content>EC and ECX: encode_key2text.c's ec_to_text, ec_param_to_text and ecx_to_text.</content>
public static partial class KeyTextFormatter
{
    /// <summary>
    /// Formats named-curve EC parameters as <c>openssl pkeyparam -text -noout</c>, <c>openssl ecparam -text -noout</c>
    /// and <c>openssl genpkey -genparam -text</c> print them: <c>EC-Parameters: (N bit)</c>, the ASN1 OID line and, for
    /// the NIST curves, the NIST CURVE line.
    /// </summary>
    /// <param name="curve">The curve.</param>
    /// <param name="indent">Spaces before every line.</param>
    /// <returns>The text, each line ending in <c>\n</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="curve"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="indent"/> is negative.</exception>
    public static string FormatEcParameters(EcNamedCurve curve, int indent = 0)
    {
        ArgumentNullException.ThrowIfNull(curve);
        var writer = new KeyTextWriter(indent);
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"EC-Parameters: ({curve.OrderBits} bit)"));
        WriteEcCurve(writer, curve);
        return writer.ToString();
    }

    /// <summary>The Private-Key/Public-Key header, priv (private keys only), pub and the curve lines.</summary>
    /// <param name="writer">The destination.</param>
    /// <param name="key">The public key; its point prints in the form it was read in (compressed stays compressed).</param>
    /// <param name="privateScalar">d padded to the order size (EC_KEY_priv2buf), or null for a public key.</param>
    private static void WriteEc(KeyTextWriter writer, EcPublicKey key, ReadOnlyMemory<byte>? privateScalar)
    {
        string kind = privateScalar is null ? "Public-Key" : "Private-Key";
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{kind}: ({key.Curve.OrderBits} bit)"));
        if (privateScalar is ReadOnlyMemory<byte> d)
        {
            writer.WriteOctets("priv:", d.Span);
        }

        writer.WriteOctets("pub:", key.EncodedPoint.Span);
        WriteEcCurve(writer, key.Curve);
    }

    private static void WriteEcCurve(KeyTextWriter writer, EcNamedCurve curve)
    {
        writer.WriteLine($"ASN1 OID: {curve.Name}");
        if (curve.NistName is string nist)
        {
            // EC_curve_nid2nist: only the NIST curves have this line (not secp256k1 or Brainpool).
            writer.WriteLine($"NIST CURVE: {nist}");
        }
    }

    private static void WriteEcx(KeyTextWriter writer, EcxPublicKey key, ReadOnlyMemory<byte>? privateKey)
    {
        string type = key.Algorithm switch
        {
            KeyAlgorithm.Ed25519 => "ED25519",
            KeyAlgorithm.Ed448 => "ED448",
            KeyAlgorithm.X25519 => "X25519",
            _ => "X448",
        };
        if (privateKey is ReadOnlyMemory<byte> raw)
        {
            writer.WriteLine($"{type} Private-Key:");
            writer.WriteOctets("priv:", raw.Span);
        }
        else
        {
            writer.WriteLine($"{type} Public-Key:");
        }

        writer.WriteOctets("pub:", key.Key.Span);
    }
}
