namespace ManagedTls.Cli;

/// <summary>
/// openssl's <c>-inform</c>/<c>-outform</c>/<c>-keyform</c> values as <c>opt_format</c> reads them: anything starting
/// with <c>D</c>/<c>d</c> is DER; <c>P</c>, <c>PEM</c> or <c>pem</c> is PEM. Other formats (ENGINE, P12, PVK, MSBLOB)
/// are not offered by mtls and are rejected with openssl's wording.
/// </summary>
internal static class FormatOption
{
    /// <summary>Parses a format value.</summary>
    /// <param name="option">The option name without the dash, for the message.</param>
    /// <param name="value">The value.</param>
    /// <param name="verb">The verb, for the message's second line.</param>
    /// <returns>True for DER, false for PEM.</returns>
    /// <exception cref="UsageException">Not PEM or DER.</exception>
    public static bool IsDer(string option, string value, string verb)
    {
        if (value.Length > 0 && value[0] is 'D' or 'd')
        {
            return true;
        }

        if (value is "P" or "p" or "PEM" or "pem")
        {
            return false;
        }

        throw new UsageException($"Bad format \"{value}\"\n{verb}: Invalid format \"{value}\" for option -{option}");
    }
}
