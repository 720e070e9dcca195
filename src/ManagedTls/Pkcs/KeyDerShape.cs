using ManagedTls.Asn1;

namespace ManagedTls.Pkcs;

/// <summary>
/// Cheap plausibility checks of decrypted key bytes. CBC padding alone lets about one wrong password in 256
/// through; these catch those (and most corruption) without parsing the key, which is the key layer's job.
/// </summary>
internal static class KeyDerShape
{
    /// <summary>True when <paramref name="der"/> is exactly one SEQUENCE (PKCS#1, SEC1, DSA and PKCS#8 keys all are).</summary>
    /// <param name="der">The bytes.</param>
    /// <returns>Whether the shape fits.</returns>
    public static bool IsSingleSequence(ReadOnlySpan<byte> der)
    {
        try
        {
            var reader = new DerReader(der, DerMode.Ber);
            reader.ReadSequence();
            return !reader.HasData;
        }
        catch (DecodeException)
        {
            return false;
        }
    }

    /// <summary>
    /// True when <paramref name="der"/> is one SEQUENCE starting with version 0 or 1 and an AlgorithmIdentifier,
    /// the head of a PrivateKeyInfo/OneAsymmetricKey (RFC 5958 §2).
    /// </summary>
    /// <param name="der">The bytes.</param>
    /// <returns>Whether the shape fits.</returns>
    public static bool LooksLikePrivateKeyInfo(ReadOnlySpan<byte> der)
    {
        try
        {
            var reader = new DerReader(der, DerMode.Ber);
            DerReader sequence = reader.ReadSequence();
            reader.ExpectEmpty();
            ReadOnlySpan<byte> version = sequence.ReadIntegerBytes();
            if (version.Length != 1 || version[0] > 1)
            {
                return false;
            }

            DerReader algorithm = sequence.ReadSequence();
            algorithm.ReadObjectIdentifier();
            return true;
        }
        catch (DecodeException)
        {
            return false;
        }
    }
}
