namespace ManagedTls.OpenSsl;

/// <summary>Elliptic curves for ECDHE: <c>get_elliptic_curves</c>, <c>get_elliptic_curve</c>.</summary>
public static partial class Crypto
{
    private static readonly EllipticCurve[] s_curves =
    [
        new("prime256v1", ManagedTls.Tls.TlsNamedGroup.Secp256r1),
        new("secp384r1", ManagedTls.Tls.TlsNamedGroup.Secp384r1),
        new("secp521r1", ManagedTls.Tls.TlsNamedGroup.Secp521r1),
    ];

    /// <summary>
    /// The curves this library can use for ECDHE (<c>get_elliptic_curves</c>): <c>prime256v1</c>, <c>secp384r1</c>
    /// and <c>secp521r1</c>. pyOpenSSL returns every curve OpenSSL's EC library knows (including ones TLS cannot use);
    /// this returns only the ones a <see cref="Context"/> can negotiate.
    /// </summary>
    /// <returns>A new set of the curves.</returns>
    public static ISet<EllipticCurve> GetEllipticCurves() => new HashSet<EllipticCurve>(s_curves);

    /// <summary>Returns one curve by its OpenSSL short name (<c>get_elliptic_curve</c>).</summary>
    /// <param name="name">The name, e.g. <c>prime256v1</c> or <c>secp384r1</c>.</param>
    /// <returns>The curve.</returns>
    /// <exception cref="ArgumentException">No such curve ("unknown curve name", pyOpenSSL's ValueError).</exception>
    public static EllipticCurve GetEllipticCurve(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (EllipticCurve curve in s_curves)
        {
            if (curve.Name == name)
            {
                return curve;
            }
        }

        throw new ArgumentException("unknown curve name", nameof(name));
    }
}
