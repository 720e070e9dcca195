using ManagedTls.Tls;

namespace ManagedTls.OpenSsl;

/// <summary>
/// pyOpenSSL's curve object (<c>crypto._EllipticCurve</c>): an elliptic curve usable for ECDHE, named by OpenSSL's
/// short name. Get them from <see cref="Crypto.GetEllipticCurves"/> or <see cref="Crypto.GetEllipticCurve"/> and pass
/// one to <see cref="Context.SetTmpEcdh"/>. Two objects are equal when they name the same curve.
/// </summary>
public sealed class EllipticCurve : IEquatable<EllipticCurve>
{
    internal EllipticCurve(string name, TlsNamedGroup group)
    {
        Name = name;
        Group = group;
    }

    /// <summary>The OpenSSL short name (<c>name</c>), e.g. <c>prime256v1</c>.</summary>
    public string Name { get; }

    /// <summary>The TLS named group the curve is used as (an addition).</summary>
    public TlsNamedGroup Group { get; }

    /// <inheritdoc/>
    public bool Equals(EllipticCurve? other) => other is not null && other.Name == Name;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is EllipticCurve other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Name);

    /// <summary>As pyOpenSSL's repr: <c>&lt;Curve 'prime256v1'&gt;</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"<Curve '{Name}'>";
}
