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
    public static bool IsDer(string option, string value, string verb) => IsDer(option, value, verb, string.Empty);

    /// <summary>Parses a value of an option declared PEM-or-DER only (<c>OPT_FMT_PEMDER</c>), whose error says so.</summary>
    /// <param name="option">The option name without the dash.</param>
    /// <param name="value">The value.</param>
    /// <param name="verb">The verb.</param>
    /// <returns>True for DER, false for PEM.</returns>
    /// <exception cref="UsageException">Not PEM or DER.</exception>
    public static bool IsPemOrDer(string option, string value, string verb) => IsDer(option, value, verb, "; must be pem or der");

    private static bool IsDer(string option, string value, string verb, string hint)
    {
        if (value.Length > 0 && value[0] is 'D' or 'd')
        {
            return true;
        }

        if (value is "P" or "p" or "PEM" or "pem")
        {
            return false;
        }

        throw new UsageException($"Bad format \"{value}\"{hint}\n{verb}: Invalid format \"{value}\" for option -{option}");
    }
}
