using ManagedTls.X509;

namespace ManagedTls.Cli;

/// <summary><c>-subj</c> as openssl's <c>parse_name</c> reads it (<c>/type0=value0/type1=value1+type2=value2</c>).</summary>
internal static class SubjectOption
{
    /// <summary>Parses a <c>-subj</c> argument.</summary>
    /// <param name="text">The argument.</param>
    /// <param name="verb">The verb, for the messages.</param>
    /// <returns>The name.</returns>
    /// <exception cref="CommandException">Not in openssl's form, or an unknown attribute or bad value.</exception>
    public static DistinguishedName Parse(string text, string verb)
    {
        if (!text.StartsWith('/'))
        {
            throw new CommandException(
                $"{verb}: subject is expected to be in the format /type0=value0/type1=value1/type2=... where characters may be escaped by \\. This name is not in that format: '{text}'");
        }

        try
        {
            return DistinguishedName.Parse(text);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw new CommandException($"{verb}: {e.Message}");
        }
    }
}
