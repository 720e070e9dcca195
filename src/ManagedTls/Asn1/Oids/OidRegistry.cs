using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace ManagedTls.Asn1;

/// <summary>
/// OpenSSL's object table (generated from <c>openssl list -objects</c>, see <c>generate-oids.sh</c>): look an OID up
/// by dotted text, by its DER content octets (without allocating) or by OpenSSL's short or long name.
/// </summary>
public static class OidRegistry
{
    private static readonly OidInfo[] s_all;
    private static readonly FrozenDictionary<string, OidInfo> s_byDotted;
    private static readonly FrozenDictionary<string, OidInfo> s_byShortName;
    private static readonly FrozenDictionary<string, OidInfo> s_byLongName;
    private static readonly byte[][] s_encodedKeys; // sorted by (length, octets)
    private static readonly OidInfo[] s_encodedValues;

    static OidRegistry()
    {
        var all = new List<OidInfo>(OidTable.Entries.Length);
        var byDotted = new Dictionary<string, OidInfo>(StringComparer.Ordinal);
        var byShort = new Dictionary<string, OidInfo>(StringComparer.Ordinal);
        var byLong = new Dictionary<string, OidInfo>(StringComparer.Ordinal);
        foreach (var (dotted, shortName, longName) in OidTable.Entries)
        {
            var info = new OidInfo(dotted, shortName, longName);
            all.Add(info);

            // First wins everywhere: OpenSSL lists in NID order and OBJ_obj2txt/OBJ_txt2nid return the lower NID
            // for the one dotted form listed twice (1.3 is "org", not "identified-organization").
            byDotted.TryAdd(dotted, info);
            byShort.TryAdd(shortName, info);
            byLong.TryAdd(longName, info);
        }

        s_all = [.. all];
        s_byDotted = byDotted.ToFrozenDictionary(StringComparer.Ordinal);
        s_byShortName = byShort.ToFrozenDictionary(StringComparer.Ordinal);
        s_byLongName = byLong.ToFrozenDictionary(StringComparer.Ordinal);

        var keys = new byte[s_byDotted.Count][];
        var values = new OidInfo[keys.Length];
        int n = 0;
        foreach (OidInfo info in s_all)
        {
            if (ReferenceEquals(s_byDotted[info.Dotted], info))
            {
                keys[n] = OidCodec.Encode(info.Dotted);
                values[n] = info;
                n++;
            }
        }

        Array.Sort(keys, values, EncodedComparer.Instance);
        s_encodedKeys = keys;
        s_encodedValues = values;
    }

    /// <summary>Every entry, in OpenSSL's NID order (one dotted form may appear twice, as in OpenSSL).</summary>
    public static IReadOnlyList<OidInfo> All => s_all;

    /// <summary>Finds an OID by its dotted-decimal form.</summary>
    /// <param name="dotted">E.g. <c>1.2.840.113549.1.1.11</c>.</param>
    /// <param name="info">The entry, when found.</param>
    /// <returns>True when OpenSSL knows the OID.</returns>
    public static bool TryGetByDotted(string dotted, [NotNullWhen(true)] out OidInfo? info)
    {
        ArgumentNullException.ThrowIfNull(dotted);
        return s_byDotted.TryGetValue(dotted, out info);
    }

    /// <summary>Finds an OID by the content octets of its DER encoding (no tag or length); does not allocate.</summary>
    /// <param name="content">E.g. <c>55 04 03</c> for <c>2.5.4.3</c>.</param>
    /// <param name="info">The entry, when found.</param>
    /// <returns>True when OpenSSL knows the OID.</returns>
    public static bool TryGetByEncoded(ReadOnlySpan<byte> content, [NotNullWhen(true)] out OidInfo? info)
    {
        int lo = 0;
        int hi = s_encodedKeys.Length - 1;
        while (lo <= hi)
        {
            int mid = lo + ((hi - lo) >> 1);
            int c = EncodedComparer.Compare(s_encodedKeys[mid], content);
            if (c == 0)
            {
                info = s_encodedValues[mid];
                return true;
            }

            if (c < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        info = null;
        return false;
    }

    /// <summary>
    /// Finds an OID by OpenSSL's short name, then by its long name (case-sensitive, as <c>OBJ_txt2nid</c>).
    /// </summary>
    /// <param name="name">E.g. <c>CN</c> or <c>commonName</c>.</param>
    /// <param name="info">The entry, when found.</param>
    /// <returns>True when OpenSSL knows the name.</returns>
    public static bool TryGetByName(string name, [NotNullWhen(true)] out OidInfo? info)
    {
        ArgumentNullException.ThrowIfNull(name);
        return s_byShortName.TryGetValue(name, out info) || s_byLongName.TryGetValue(name, out info);
    }

    /// <summary>Short-name-only lookup (<c>OBJ_sn2nid</c>).</summary>
    internal static bool TryGetByShortName(string name, [NotNullWhen(true)] out OidInfo? info) => s_byShortName.TryGetValue(name, out info);

    /// <summary>Long-name-only lookup (<c>OBJ_ln2nid</c>).</summary>
    internal static bool TryGetByLongName(string name, [NotNullWhen(true)] out OidInfo? info) => s_byLongName.TryGetValue(name, out info);

    /// <summary>
    /// Renders content octets as <c>OBJ_obj2txt(no_name=0)</c> does: the long name when known, else dotted decimal.
    /// </summary>
    /// <param name="content">The OBJECT IDENTIFIER content octets.</param>
    /// <returns>The text, e.g. <c>sha256WithRSAEncryption</c> or <c>1.2.3.4.5</c>.</returns>
    /// <exception cref="ArgumentException">The octets are not a valid OID encoding, or (unknown and) longer than the
    /// 586 octets <c>OBJ_obj2txt</c> renders.</exception>
    public static string GetDisplayName(ReadOnlySpan<byte> content)
    {
        if (TryGetByEncoded(content, out OidInfo? info))
        {
            return info.LongName;
        }

        if (!OidCodec.IsValid(content))
        {
            throw new ArgumentException("Invalid OBJECT IDENTIFIER encoding.", nameof(content));
        }

        return OidCodec.ToDotted(content);
    }

    private sealed class EncodedComparer : IComparer<byte[]>
    {
        public static readonly EncodedComparer Instance = new();

        public static int Compare(ReadOnlySpan<byte> x, ReadOnlySpan<byte> y)
            => x.Length != y.Length ? x.Length.CompareTo(y.Length) : x.SequenceCompareTo(y);

        int IComparer<byte[]>.Compare(byte[]? x, byte[]? y) => Compare(x, y);
    }
}
