using System.Text;
using ManagedTls.Asn1;
using ManagedTls.X509;

namespace ManagedTls.OpenSsl;

/// <summary>
/// pyOpenSSL's <c>OpenSSL.crypto.X509Name</c>: an X.501 distinguished name whose attributes are read and written by
/// OpenSSL short or long name (<c>name.CN = "example"</c> → <c>name.CN = "example"</c> or <c>name["commonName"] = ...</c>).
/// </summary>
/// <remarks>
/// <para>The names <see cref="X509.GetSubject"/>, <see cref="X509.GetIssuer"/> and <see cref="X509Req.GetSubject"/> return
/// are live views: setting an attribute changes the certificate or request, and every other view of the same name sees
/// it. <see cref="X509Name(X509Name)"/> copies.</para>
/// <para>Setting an attribute works as pyOpenSSL's <c>__setattr__</c>: the first entry of that type is deleted, then the
/// new value is appended as a new RDN at the end (<c>X509_NAME_add_entry_by_NID(..., MBSTRING_UTF8, -1, -1, 0)</c>), its
/// string type chosen as OpenSSL does (countryName a two-letter PrintableString, emailAddress an IA5String,
/// UTF8String for the rest). pyOpenSSL's <c>AttributeError</c> for a name OpenSSL does not know is an
/// <see cref="ArgumentException"/> ("No such attribute").</para>
/// </remarks>
public sealed class X509Name : IEquatable<X509Name>, IComparable<X509Name>
{
    private const int OneLineBufferSize = 512; // pyOpenSSL's __repr__ buffer for X509_NAME_oneline

    private readonly X509NameStore _store;

    /// <summary>Copies <paramref name="name"/> (pyOpenSSL's <c>X509Name(name)</c>, <c>X509_NAME_dup</c>).</summary>
    /// <param name="name">The name to copy.</param>
    public X509Name(X509Name name)
    {
        ArgumentNullException.ThrowIfNull(name);
        _store = new X509NameStore(name._store.ToDistinguishedName());
    }

    /// <summary>Wraps a copy of a ManagedTls <see cref="DistinguishedName"/> (an addition: pyOpenSSL builds names only from certificates and requests).</summary>
    /// <param name="name">The name.</param>
    public X509Name(DistinguishedName name)
    {
        ArgumentNullException.ThrowIfNull(name);
        _store = new X509NameStore(name);
    }

    internal X509Name(X509NameStore store) => _store = store;

    /// <summary><c>countryName</c> (<c>C</c>): exactly two characters, a PrintableString.</summary>
    public string? C { get => this["C"]; set => this["C"] = value; }

    /// <summary><c>stateOrProvinceName</c> (<c>ST</c>).</summary>
    public string? ST { get => this["ST"]; set => this["ST"] = value; }

    /// <summary><c>localityName</c> (<c>L</c>).</summary>
    public string? L { get => this["L"]; set => this["L"] = value; }

    /// <summary><c>organizationName</c> (<c>O</c>).</summary>
    public string? O { get => this["O"]; set => this["O"] = value; }

    /// <summary><c>organizationalUnitName</c> (<c>OU</c>).</summary>
    public string? OU { get => this["OU"]; set => this["OU"] = value; }

    /// <summary><c>commonName</c> (<c>CN</c>): 1 to 64 characters.</summary>
    public string? CN { get => this["CN"]; set => this["CN"] = value; }

    /// <summary><c>emailAddress</c>: an IA5String (ASCII) of 1 to 128 characters.</summary>
#pragma warning disable CA1707, IDE1006 // pyOpenSSL's attribute names, kept as spelled
    public string? emailAddress { get => this["emailAddress"]; set => this["emailAddress"] = value; }

    /// <summary>Alias of <see cref="C"/>.</summary>
    public string? countryName { get => this["C"]; set => this["C"] = value; }

    /// <summary>Alias of <see cref="ST"/>.</summary>
    public string? stateOrProvinceName { get => this["ST"]; set => this["ST"] = value; }

    /// <summary>Alias of <see cref="L"/>.</summary>
    public string? localityName { get => this["L"]; set => this["L"] = value; }

    /// <summary>Alias of <see cref="O"/>.</summary>
    public string? organizationName { get => this["O"]; set => this["O"] = value; }

    /// <summary>Alias of <see cref="OU"/>.</summary>
    public string? organizationalUnitName { get => this["OU"]; set => this["OU"] = value; }

    /// <summary>Alias of <see cref="CN"/>.</summary>
    public string? commonName { get => this["CN"]; set => this["CN"] = value; }
#pragma warning restore CA1707, IDE1006

    /// <summary>
    /// Gets or sets any attribute OpenSSL names, by short name (<c>CN</c>, <c>serialNumber</c>, <c>DC</c>), long name
    /// (<c>commonName</c>) or dotted OID of a named type (<c>OBJ_txt2nid</c>).
    /// </summary>
    /// <param name="name">The attribute name (case-sensitive, as OpenSSL's).</param>
    /// <returns>The first entry of that type as text (<c>ASN1_STRING_to_UTF8</c>), or null when there is none.</returns>
    /// <exception cref="ArgumentException">OpenSSL has no such name ("No such attribute", pyOpenSSL's <c>AttributeError</c>).</exception>
    /// <exception cref="ArgumentNullException">Setting null.</exception>
    /// <exception cref="CryptoException">
    /// The value does not fit the attribute's type: <c>("asn1 encoding routines", "ASN1_mbstring_ncopy", "string too long")</c>,
    /// <c>"string too short"</c> or <c>"illegal characters"</c>.
    /// </exception>
    public string? this[string name]
    {
        get
        {
            string oid = Resolve(name);
            int index = _store.IndexOf(oid);
            return index < 0 ? null : TextOf(_store[index]);
        }

        set
        {
            string oid = Resolve(name);
            ArgumentNullException.ThrowIfNull(value);
            AttributeTypeAndValue entry = CreateEntry(oid, value);
            int index = _store.IndexOf(oid);
            if (index >= 0)
            {
                _store.RemoveAt(index);
            }

            _store.Append(entry);
        }
    }

    /// <summary>Compares as OpenSSL's <c>X509_NAME_cmp</c> (canonical forms: case and space insensitive).</summary>
    /// <param name="left">A name.</param>
    /// <param name="right">A name.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(X509Name? left, X509Name? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Negation of <see cref="op_Equality"/>.</summary>
    /// <param name="left">A name.</param>
    /// <param name="right">A name.</param>
    /// <returns>True when different.</returns>
    public static bool operator !=(X509Name? left, X509Name? right) => !(left == right);

    /// <summary>Orders as <c>X509_NAME_cmp</c>.</summary>
    /// <param name="left">A name.</param>
    /// <param name="right">A name.</param>
    /// <returns>True when <paramref name="left"/> sorts first.</returns>
    public static bool operator <(X509Name? left, X509Name? right) => Compare(left, right) < 0;

    /// <summary>Orders as <c>X509_NAME_cmp</c>.</summary>
    /// <param name="left">A name.</param>
    /// <param name="right">A name.</param>
    /// <returns>True when <paramref name="left"/> sorts last.</returns>
    public static bool operator >(X509Name? left, X509Name? right) => Compare(left, right) > 0;

    /// <summary>Orders as <c>X509_NAME_cmp</c>.</summary>
    /// <param name="left">A name.</param>
    /// <param name="right">A name.</param>
    /// <returns>True unless <paramref name="left"/> sorts last.</returns>
    public static bool operator <=(X509Name? left, X509Name? right) => Compare(left, right) <= 0;

    /// <summary>Orders as <c>X509_NAME_cmp</c>.</summary>
    /// <param name="left">A name.</param>
    /// <param name="right">A name.</param>
    /// <returns>True unless <paramref name="left"/> sorts first.</returns>
    public static bool operator >=(X509Name? left, X509Name? right) => Compare(left, right) >= 0;

    /// <summary>
    /// The name's hash as pyOpenSSL's <c>hash()</c> returns it: OpenSSL's <c>X509_NAME_hash</c>, which since OpenSSL 1.0
    /// is the SHA-1 hash of the canonical form (the value <c>openssl x509 -subject_hash</c> prints), not the MD5 hash of
    /// the DER that pyOpenSSL's docstring still describes (that one is <see cref="DistinguishedName.OpenSslHashOld"/>).
    /// </summary>
    /// <returns>The first four bytes of the digest, little-endian.</returns>
    public uint Hash() => _store.ToDistinguishedName().OpenSslHash;

    /// <summary>The DER encoding of the name (<c>der()</c>, <c>i2d_X509_NAME</c>).</summary>
    /// <returns>The DER bytes.</returns>
    public byte[] Der() => _store.ToDistinguishedName().RawData.ToArray();

    /// <summary>
    /// The entries in order as (OpenSSL short name, value octets) pairs (<c>get_components()</c>): the value is the
    /// string's content as stored (UTF-8 for UTF8String, UCS-2 for BMPString, ...); an unnamed type is <c>UNDEF</c>.
    /// </summary>
    /// <returns>The components.</returns>
    public IReadOnlyList<(string Name, byte[] Value)> GetComponents()
    {
        var result = new (string, byte[])[_store.Count];
        for (int i = 0; i < result.Length; i++)
        {
            AttributeTypeAndValue entry = _store[i];
            result[i] = (entry.Info?.ShortName ?? "UNDEF", entry.ValueContent.ToArray());
        }

        return result;
    }

    /// <summary>The name as a ManagedTls <see cref="DistinguishedName"/> (an addition).</summary>
    /// <returns>The current name.</returns>
    public DistinguishedName ToDistinguishedName() => _store.ToDistinguishedName();

    /// <summary>pyOpenSSL's <c>repr</c>: <c>&lt;X509Name object '/C=US/CN=example'&gt;</c>, through a 512-byte <c>X509_NAME_oneline</c> buffer.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"<X509Name object '{_store.ToDistinguishedName().ToOneLineString(OneLineBufferSize)}'>";

    /// <inheritdoc/>
    public bool Equals(X509Name? other) => other is not null && _store.ToDistinguishedName().Equals(other._store.ToDistinguishedName());

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is X509Name other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _store.ToDistinguishedName().GetHashCode();

    /// <summary>Orders as OpenSSL's <c>X509_NAME_cmp</c>: shorter canonical encoding first, then by octets.</summary>
    /// <param name="other">The other name; null sorts first.</param>
    /// <returns>-1, 0 or 1.</returns>
    public int CompareTo(X509Name? other) => other is null ? 1 : _store.ToDistinguishedName().CompareTo(other._store.ToDistinguishedName());

    internal X509NameStore Store => _store;

    private static int Compare(X509Name? left, X509Name? right) => left is null ? (right is null ? 0 : -1) : left.CompareTo(right);

    /// <summary><c>OBJ_txt2nid</c>: short name, long name, or the dotted form of a named OID.</summary>
    private static string Resolve(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (OidRegistry.TryGetByName(name, out OidInfo? info) || OidRegistry.TryGetByDotted(name, out info))
        {
            return info.Dotted;
        }

        throw new ArgumentException("No such attribute", nameof(name));
    }

    private static string TextOf(AttributeTypeAndValue entry) => entry.Value ?? Encoding.Latin1.GetString(entry.ValueContent.Span);

    private static AttributeTypeAndValue CreateEntry(string oid, string value)
    {
        try
        {
            return AttributeTypeAndValue.Create(oid, value);
        }
        catch (ArgumentException e)
        {
            (int min, int max) = LengthBounds(oid);
            int length = value.EnumerateRunes().Count();
            string reason = max >= 0 && length > max ? "string too long" : min >= 0 && length < min ? "string too short" : "illegal characters";
            throw new CryptoException("asn1 encoding routines", "ASN1_mbstring_ncopy", reason, e);
        }
    }

    // OpenSSL's ASN1_STRING_TABLE bounds (crypto/asn1/tbl_standard.h), used only to name the failure.
    private static (int Min, int Max) LengthBounds(string oid) => oid switch
    {
        "2.5.4.6" or "1.3.6.1.4.1.311.60.2.1.3" => (2, 2),
        "2.5.4.5" or "2.5.4.3" or "2.5.4.10" or "2.5.4.11" => (1, 64),
        "1.2.840.113549.1.9.1" or "2.5.4.7" or "2.5.4.8" => (1, 128),
        "2.5.4.41" or "2.5.4.42" or "2.5.4.4" or "2.5.4.43" => (1, 32768),
        "1.2.840.113549.1.9.2" or "1.2.840.113549.1.9.7" or "1.2.840.113549.1.9.8" or "0.9.2342.19200300.100.1.25" => (1, -1),
        _ => (-1, -1),
    };
}
