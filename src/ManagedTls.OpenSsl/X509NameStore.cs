using ManagedTls.X509;

namespace ManagedTls.OpenSsl;

/// <summary>
/// The mutable entry list behind an <see cref="X509Name"/>, shared by every live view of one certificate's or
/// request's name (OpenSSL's <c>X509_NAME</c>: entries with the index of the RDN ("set") each belongs to).
/// </summary>
internal sealed class X509NameStore
{
    private readonly List<(AttributeTypeAndValue Entry, int Set)> _entries = [];
    private DistinguishedName? _encoded;

    public X509NameStore()
    {
    }

    public X509NameStore(DistinguishedName name) => Reset(name);

    /// <summary>Called after every change, so the owning object knows its encoding is stale.</summary>
    public Action? Changed { get; set; }

    public int Count => _entries.Count;

    public AttributeTypeAndValue this[int index] => _entries[index].Entry;

    /// <summary>Replaces the content with <paramref name="name"/> (keeping its exact DER).</summary>
    public void Reset(DistinguishedName name)
    {
        _entries.Clear();
        int set = 0;
        foreach (RelativeDistinguishedName rdn in name.Rdns)
        {
            foreach (AttributeTypeAndValue entry in rdn.Attributes)
            {
                _entries.Add((entry, set));
            }

            set++;
        }

        _encoded = name;
    }

    /// <summary>Replaces the content with <paramref name="name"/> and reports the change.</summary>
    public void Assign(DistinguishedName name)
    {
        Reset(name);
        Changed?.Invoke();
    }

    /// <summary>The index of the first entry of <paramref name="oid"/>, or -1 (<c>X509_NAME_get_index_by_NID(name, nid, -1)</c>).</summary>
    public int IndexOf(string oid)
    {
        for (int i = 0; i < _entries.Count; i++)
        {
            if (_entries[i].Entry.Oid == oid)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary><c>X509_NAME_delete_entry</c>: the RDN numbering closes up when the entry was alone in its RDN.</summary>
    public void RemoveAt(int index)
    {
        _entries.RemoveAt(index);
        _encoded = null;
    }

    /// <summary><c>X509_NAME_add_entry(name, entry, -1, 0)</c>: a new single-valued RDN at the end.</summary>
    public void Append(AttributeTypeAndValue entry)
    {
        int set = _entries.Count == 0 ? 0 : _entries[^1].Set + 1;
        _entries.Add((entry, set));
        _encoded = null;
        Changed?.Invoke();
    }

    /// <summary>The Name as DER: the loaded bytes while untouched, else the entries grouped into RDNs by their set index.</summary>
    public DistinguishedName ToDistinguishedName()
    {
        if (_encoded is null)
        {
            var rdns = new List<IReadOnlyList<AttributeTypeAndValue>>();
            List<AttributeTypeAndValue>? current = null;
            int currentSet = int.MinValue;
            foreach ((AttributeTypeAndValue entry, int set) in _entries)
            {
                if (current is null || set != currentSet)
                {
                    current = [];
                    rdns.Add(current);
                    currentSet = set;
                }

                current.Add(entry);
            }

            _encoded = DistinguishedName.Create(rdns);
        }

        return _encoded;
    }
}
