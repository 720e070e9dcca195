namespace ManagedTls.X509.Verification;

/// <summary>Syntax checks for names in certificates and name constraints.</summary>
internal static class NameSyntax
{
    /// <summary>A dNSName as CAs may issue it: LDH labels, optionally a whole <c>*</c> left-most label, a non-numeric last label.</summary>
    public static bool IsValidDnsPattern(string name)
    {
        string rest = name.StartsWith("*.", StringComparison.Ordinal) ? name[2..] : name;
        return IsValidHostname(rest) && rest.Contains('.', StringComparison.Ordinal) | !name.StartsWith('*');
    }

    /// <summary>An LDH host name: labels of 1–63 letters, digits and inner hyphens, at most 253 characters, the last label not all digits.</summary>
    public static bool IsValidHostname(string name)
    {
        if (name.Length == 0 || name.Length > 253)
        {
            return false;
        }

        string[] labels = name.Split('.');
        foreach (string label in labels)
        {
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-')
            {
                return false;
            }

            foreach (char c in label)
            {
                if (!(char.IsAsciiLetterOrDigit(c) || c == '-'))
                {
                    return false;
                }
            }
        }

        string last = labels[^1];
        foreach (char c in last)
        {
            if (!char.IsAsciiDigit(c))
            {
                return true;
            }
        }

        return false;
    }
}
