using System.Text;
using ManagedTls.Asn1;

namespace ManagedTls.X509;

/// <content>Building Names and parsing OpenSSL's <c>-subj</c> text form.</content>
public sealed partial class DistinguishedName
{
    /// <summary>Builds a Name from RDNs given as attribute lists; a multi-valued RDN's SET OF is written in DER order.</summary>
    /// <param name="rdns">The RDNs, most significant first; each must hold at least one attribute.</param>
    /// <returns>The Name.</returns>
    /// <exception cref="ArgumentException">An RDN is empty.</exception>
    public static DistinguishedName Create(IEnumerable<IReadOnlyList<AttributeTypeAndValue>> rdns)
    {
        ArgumentNullException.ThrowIfNull(rdns);
        using var writer = new DerWriter();
        using (writer.PushSequence())
        {
            foreach (IReadOnlyList<AttributeTypeAndValue> rdn in rdns)
            {
                if (rdn.Count == 0)
                {
                    throw new ArgumentException("An RDN must hold at least one attribute (X.501 SIZE (1..MAX)).", nameof(rdns));
                }

                using (writer.PushSetOf())
                {
                    foreach (AttributeTypeAndValue attribute in rdn)
                    {
                        attribute.Encode(writer);
                    }
                }
            }
        }

        return Decode(writer.ToArray());
    }

    /// <summary>Builds a Name with one attribute per RDN.</summary>
    /// <param name="attributes">The attributes, most significant first.</param>
    /// <returns>The Name.</returns>
    public static DistinguishedName Create(params IEnumerable<AttributeTypeAndValue> attributes) =>
        Create(attributes.Select(a => (IReadOnlyList<AttributeTypeAndValue>)[a]));

    /// <summary>
    /// Parses the form <c>openssl req -subj</c> takes (<c>/C=US/O=Example/CN=a+OU=b</c>, with <c>\</c> escaping the next
    /// character), choosing string types as <see cref="AttributeTypeAndValue.Create(string, string)"/> does; the result
    /// is byte-identical to what <c>openssl req -utf8 -subj</c> writes.
    /// </summary>
    /// <param name="subject">The text; must start with <c>/</c>.</param>
    /// <returns>The Name.</returns>
    /// <exception cref="FormatException">Not in that form (no leading <c>/</c>, a missing <c>=</c>, a trailing <c>\</c>).</exception>
    /// <exception cref="ArgumentException">An unknown type (OpenSSL skips it with a warning) or a value its type cannot hold.</exception>
    /// <remarks>As in OpenSSL, an attribute with an empty value is skipped; a dotted OID is accepted as a type.</remarks>
    public static DistinguishedName Parse(string subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (!subject.StartsWith('/'))
        {
            throw new FormatException($"A name must be in the form /type0=value0/type1=value1/... ('\\' escapes a character): '{subject}'.");
        }

        var rdns = new List<List<AttributeTypeAndValue>>();
        int at = 1;
        bool multi = false;
        while (at < subject.Length)
        {
            int equals = subject.IndexOf('=', at);
            if (equals < 0)
            {
                throw new FormatException($"Missing '=' after RDN type string '{subject[at..]}'.");
            }

            string type = subject[at..equals];
            var value = new StringBuilder();
            bool nextIsMulti = false;
            at = equals + 1;
            for (; at < subject.Length; at++)
            {
                char c = subject[at];
                if (c == '+')
                {
                    nextIsMulti = true;
                    break;
                }

                if (c == '/')
                {
                    break;
                }

                if (c == '\\' && ++at == subject.Length)
                {
                    throw new FormatException("Escape character at end of name string.");
                }

                value.Append(subject[at]);
            }

            at++;
            if (value.Length > 0)
            {
                AttributeTypeAndValue attribute = AttributeTypeAndValue.Create(type, value.ToString());
                if (multi && rdns.Count > 0)
                {
                    rdns[^1].Add(attribute);
                }
                else
                {
                    rdns.Add([attribute]);
                }
            }

            multi = nextIsMulti;
        }

        return Create(rdns);
    }
}
