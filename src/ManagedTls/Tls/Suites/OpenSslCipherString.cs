using System.Globalization;
using static ManagedTls.Tls.Suites.OpenSslCipherRule;

namespace ManagedTls.Tls.Suites;

/// <summary>
/// OpenSSL's cipher-string language (SSL_CTX_set_cipher_list, <c>openssl ciphers</c>), evaluated the way OpenSSL 3.0
/// evaluates it — suite names, aliases (ALL, DEFAULT, HIGH, ECDHE, AESGCM, aRSA, TLSv1.2 ...), '+' to intersect,
/// the '!', '-' and '+' prefixes, the ':', ',', ';' and ' ' separators, @STRENGTH and @SECLEVEL=n — over the suites
/// this library knows. The result is OpenSSL's ordered list with the suites this library does not know (Camellia,
/// ARIA, DSS, PSK, TLS 1.2 CCM ...) left out; <see cref="TlsCipherSuiteInfo.IsImplemented"/> tells which of the rest
/// the engine negotiates.
/// </summary>
public static partial class OpenSslCipherString
{
    /// <summary>OpenSSL 3.0's default cipher list (OSSL_default_cipher_list), which a string starting with "DEFAULT" begins with.</summary>
    public const string DefaultCipherList = "ALL:!COMPLEMENTOFDEFAULT:!eNULL";

    private enum Op
    {
        Add,
        Kill,
        Delete,
        Order,
        Bump,
    }

    /// <summary>Evaluates a TLS 1.2-and-earlier cipher string.</summary>
    /// <param name="cipherList">The cipher string, e.g. "ECDHE+AESGCM:!aRSA" or "HIGH:!aNULL@STRENGTH".</param>
    /// <returns>The selected suites in OpenSSL's order (never empty).</returns>
    /// <exception cref="TlsCipherStringException">Nothing known matched ("no cipher match"), or the string is malformed ("invalid command").</exception>
    public static IReadOnlyList<TlsCipherSuite> Parse(string cipherList) => Parse(cipherList, out _);

    /// <summary>Evaluates a TLS 1.2-and-earlier cipher string and reports an "@SECLEVEL=n" command.</summary>
    /// <param name="cipherList">The cipher string.</param>
    /// <param name="securityLevel">The level of the last "@SECLEVEL=n" (0 to 5), or null when the string sets none.</param>
    /// <returns>The selected suites in OpenSSL's order (never empty).</returns>
    /// <exception cref="TlsCipherStringException">Nothing known matched ("no cipher match"), or the string is malformed ("invalid command").</exception>
    public static IReadOnlyList<TlsCipherSuite> Parse(string cipherList, out int? securityLevel)
    {
        ArgumentNullException.ThrowIfNull(cipherList);
        securityLevel = null;
        string rules = ApplySuiteB(cipherList);
        List<Entry> list = InitialOrder();
        if (rules.StartsWith("DEFAULT", StringComparison.Ordinal))
        {
            Process(DefaultCipherList, list, ref securityLevel);
            rules = rules[7..];
            if (rules.StartsWith(':'))
            {
                rules = rules[1..];
            }
        }

        Process(rules, list, ref securityLevel);
        var result = new List<TlsCipherSuite>();
        foreach (Entry entry in list)
        {
            if (entry.Active)
            {
                result.Add(entry.Info.Suite);
            }
        }

        if (result.Count == 0)
        {
            throw new TlsCipherStringException($"no cipher match: \"{cipherList}\" selects none of the cipher suites this library knows", isInvalidCommand: false);
        }

        return result.AsReadOnly();
    }

    /// <summary>
    /// Parses a TLS 1.3 ciphersuites list (SSL_CTX_set_ciphersuites): TLS 1.3 suite names separated by ':', spaces
    /// around a name ignored, unknown names skipped, order and repeats kept. An empty string is allowed and gives an
    /// empty list (TLS 1.3 off), as in OpenSSL.
    /// </summary>
    /// <param name="ciphersuites">The list, e.g. "TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256".</param>
    /// <returns>The suites in the order given.</returns>
    /// <exception cref="TlsCipherStringException">The list is not empty and names no known TLS 1.3 suite ("no cipher match").</exception>
    public static IReadOnlyList<TlsCipherSuite> ParseTls13(string ciphersuites)
    {
        ArgumentNullException.ThrowIfNull(ciphersuites);
        var result = new List<TlsCipherSuite>();
        if (ciphersuites.Length == 0)
        {
            return result.AsReadOnly();
        }

        foreach (string part in ciphersuites.Split(':'))
        {
            TlsCipherSuiteInfo? info = TlsCipherSuites.FindByName(part.Trim());
            if (info is { IsTls13: true })
            {
                result.Add(info.Suite);
            }
        }

        if (result.Count == 0)
        {
            throw new TlsCipherStringException($"no cipher match: \"{ciphersuites}\" names no TLS 1.3 cipher suite this library knows", isInvalidCommand: false);
        }

        return result.AsReadOnly();
    }

    /// <summary>check_suiteb_cipher_list: a string starting with SUITEB128ONLY, SUITEB128C2, SUITEB128 or SUITEB192 is replaced whole by the RFC 6460 suites.</summary>
    private static string ApplySuiteB(string rules)
    {
        if (rules.StartsWith("SUITEB128ONLY", StringComparison.Ordinal))
        {
            return "ECDHE-ECDSA-AES128-GCM-SHA256";
        }

        if (rules.StartsWith("SUITEB128C2", StringComparison.Ordinal) || rules.StartsWith("SUITEB192", StringComparison.Ordinal))
        {
            return "ECDHE-ECDSA-AES256-GCM-SHA384";
        }

        return rules.StartsWith("SUITEB128", StringComparison.Ordinal)
            ? "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384"
            : rules;
    }

    /// <summary>ssl_create_cipher_list's preference order before any rule: ECDHE first, AES-GCM then ChaCha20 then other AES, static RSA last, by strength, TLS 1.2 suites bumped, then (EC)DHE+AEAD > (EC)DHE > AEAD > rest; all inactive.</summary>
    private static List<Entry> InitialOrder()
    {
        // The method's cipher table is walked from the highest code point down.
        var list = new List<Entry>(TlsCipherSuites.All.Count);
        for (int i = TlsCipherSuites.All.Count - 1; i >= 0; i--)
        {
            TlsCipherSuiteInfo info = TlsCipherSuites.All[i];
            if (!info.IsTls13)
            {
                list.Add(new Entry(info, ForSuite(info)));
            }
        }

        Apply(list, Op.Add, Alias(kx: KEcdhe, au: AEcdsa));
        Apply(list, Op.Add, Alias(kx: KEcdhe));
        Apply(list, Op.Delete, Alias(kx: KEcdhe));
        Apply(list, Op.Add, Alias(enc: EAesGcm));
        Apply(list, Op.Add, Alias(enc: EChaCha20));
        Apply(list, Op.Add, Alias(enc: EAes ^ EAesGcm));
        Apply(list, Op.Add, Everything);
        Apply(list, Op.Order, Alias(mac: MMd5));
        Apply(list, Op.Order, Alias(au: ANull));
        Apply(list, Op.Order, Alias(kx: KRsa));
        Apply(list, Op.Order, Alias(kx: KPsk));
        Apply(list, Op.Order, Alias(enc: ERc4));
        SortByStrength(list);
        Apply(list, Op.Bump, Alias(version: VTls12));
        Apply(list, Op.Bump, Alias(mac: MAead));
        Apply(list, Op.Bump, Alias(kx: KDhe | KEcdhe));
        Apply(list, Op.Bump, Alias(kx: KDhe | KEcdhe, mac: MAead));
        Apply(list, Op.Delete, Everything);
        return list;
    }

    /// <summary>ssl_cipher_process_rulestr.</summary>
    private static void Process(string rules, List<Entry> list, ref int? securityLevel)
    {
        int i = 0;
        while (i < rules.Length)
        {
            char ch = rules[i];
            if (IsSeparator(ch))
            {
                i++;
                continue;
            }

            Op op = Op.Add;
            bool special = false;
            switch (ch)
            {
                case '-':
                    op = Op.Delete;
                    i++;
                    break;
                case '+':
                    op = Op.Order;
                    i++;
                    break;
                case '!':
                    op = Op.Kill;
                    i++;
                    break;
                case '@':
                    special = true;
                    i++;
                    break;
            }

            if (special)
            {
                string command = ReadWord(rules, ref i, out _);
                RunCommand(command, rules, list, ref securityLevel);

                // No '+' combinations with '@': the rest of the element is ignored.
                while (i < rules.Length && !IsSeparator(rules[i]))
                {
                    i++;
                }

                continue;
            }

            if (TryReadSelection(rules, ref i, out OpenSslCipherRule rule))
            {
                Apply(list, op, rule);
            }
            else
            {
                while (i < rules.Length && !IsSeparator(rules[i]))
                {
                    i++;
                }
            }
        }
    }

    /// <summary>Reads "WORD(+WORD)*" and intersects the words' masks; false when a word is unknown or the intersection is empty (the element is then ignored, as OpenSSL does).</summary>
    private static bool TryReadSelection(string rules, ref int i, out OpenSslCipherRule rule)
    {
        rule = Everything;
        bool first = true;
        while (true)
        {
            string word = ReadWord(rules, ref i, out bool multi);
            OpenSslCipherRule part;
            if (TlsCipherSuites.FindByName(word) is { IsTls13: false } info && info.OpenSslName == word)
            {
                part = ForSuite(info);
            }
            else if (!s_aliases.TryGetValue(word, out part))
            {
                return false;
            }

            if (!Combine(ref rule, part, first))
            {
                return false;
            }

            first = false;
            if (!multi)
            {
                return true;
            }
        }
    }

    private static bool Combine(ref OpenSslCipherRule acc, in OpenSslCipherRule part, bool first)
    {
        if (first)
        {
            // A suite's own version is not part of the pattern; an alias's version is.
            acc = part with { MinVersion = part.Suite is null ? part.MinVersion : 0 };
            return true;
        }

        uint kx = Intersect(acc.KeyExchange, part.KeyExchange);
        uint au = Intersect(acc.Authentication, part.Authentication);
        uint enc = Intersect(acc.Encryption, part.Encryption);
        uint mac = Intersect(acc.Mac, part.Mac);
        if ((part.KeyExchange != 0 && kx == 0) || (part.Authentication != 0 && au == 0)
            || (part.Encryption != 0 && enc == 0) || (part.Mac != 0 && mac == 0))
        {
            return false;
        }

        uint strength = acc.Strength;
        if ((part.Strength & SStrongMask) != 0)
        {
            // OpenSSL assigns (not ORs) the first strength class, which also drops a COMPLEMENTOFDEFAULT seen before it.
            strength = (strength & SStrongMask) != 0
                ? strength & ((part.Strength & SStrongMask) | ~SStrongMask)
                : part.Strength & SStrongMask;
            if ((strength & SStrongMask) == 0)
            {
                return false;
            }
        }

        if ((part.Strength & SNotDefault) != 0)
        {
            strength |= SNotDefault;
        }

        int version = acc.MinVersion;
        TlsCipherSuite? suite = acc.Suite;
        if (part.Suite is { } id)
        {
            suite = id;
        }
        else if (part.MinVersion != 0)
        {
            if (version != 0 && version != part.MinVersion)
            {
                return false;
            }

            version = part.MinVersion;
        }

        acc = new OpenSslCipherRule(suite, kx, au, enc, mac, version, strength);
        return true;
    }

    private static uint Intersect(uint current, uint next) => next == 0 ? current : current == 0 ? next : current & next;

    private static void RunCommand(string command, string rules, List<Entry> list, ref int? securityLevel)
    {
        if (command == "STRENGTH")
        {
            SortByStrength(list);
        }
        else if (command.Length == 10 && command.StartsWith("SECLEVEL=", StringComparison.Ordinal) && command[9] is >= '0' and <= '5')
        {
            securityLevel = command[9] - '0';
        }
        else
        {
            throw new TlsCipherStringException(
                string.Create(CultureInfo.InvariantCulture, $"invalid command: \"@{command}\" in \"{rules}\" (OpenSSL knows @STRENGTH and @SECLEVEL=0..5)"),
                isInvalidCommand: true);
        }
    }

    private static string ReadWord(string rules, ref int i, out bool multi)
    {
        int start = i;
        while (i < rules.Length && IsNameChar(rules[i]))
        {
            i++;
        }

        if (i == start)
        {
            string what = i < rules.Length ? $"'{rules[i]}'" : "the end of the string";
            throw new TlsCipherStringException(
                string.Create(CultureInfo.InvariantCulture, $"invalid command: a cipher name was expected at {what} (offset {i}) in \"{rules}\""),
                isInvalidCommand: true);
        }

        string word = rules[start..i];
        multi = i < rules.Length && rules[i] == '+';
        if (multi)
        {
            i++;
        }

        return word;
    }

    private static bool IsSeparator(char ch) => ch is ':' or ' ' or ';' or ',';

    private static bool IsNameChar(char ch) => ch is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.' or '=';

    /// <summary>@STRENGTH (ssl_cipher_strength_sort): active suites ordered by strength bits, highest first, stable within a strength.</summary>
    private static void SortByStrength(List<Entry> list)
    {
        int max = 0;
        foreach (Entry entry in list)
        {
            if (entry.Active)
            {
                max = Math.Max(max, entry.Info.StrengthBits);
            }
        }

        for (int bits = max; bits >= 0; bits--)
        {
            int strength = bits;
            Apply(list, Op.Order, entry => entry.Info.StrengthBits == strength);
        }
    }

    private static void Apply(List<Entry> list, Op op, OpenSslCipherRule rule) =>
        Apply(list, op, entry => rule.Selects(entry.Masks));

    /// <summary>
    /// ssl_cipher_apply_rule as a stable partition: Add appends the selected inactive suites to the tail and activates
    /// them; Order moves the selected active ones to the tail; Delete moves them to the head and deactivates them (so a
    /// later Add brings them back in their old order); Bump moves them to the head; Kill removes them for good.
    /// </summary>
    private static void Apply(List<Entry> list, Op op, Func<Entry, bool> selects)
    {
        var moved = new List<Entry>();
        var stay = new List<Entry>(list.Count);
        foreach (Entry entry in list)
        {
            bool hit = selects(entry) && op switch
            {
                Op.Add => !entry.Active,
                Op.Kill => true,
                _ => entry.Active,
            };
            (hit ? moved : stay).Add(entry);
        }

        foreach (Entry entry in moved)
        {
            entry.Active = op switch
            {
                Op.Add => true,
                Op.Delete or Op.Kill => false,
                _ => entry.Active,
            };
        }

        list.Clear();
        switch (op)
        {
            case Op.Add:
            case Op.Order:
                list.AddRange(stay);
                list.AddRange(moved);
                break;
            case Op.Delete:
            case Op.Bump:
                list.AddRange(moved);
                list.AddRange(stay);
                break;
            default:
                list.AddRange(stay);
                break;
        }
    }

    private sealed class Entry(TlsCipherSuiteInfo info, OpenSslCipherRule masks)
    {
        public TlsCipherSuiteInfo Info { get; } = info;

        public OpenSslCipherRule Masks { get; } = masks;

        public bool Active { get; set; }
    }
}
