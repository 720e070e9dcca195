namespace ManagedTls.OpenSsl;

/// <summary>
/// One entry of an OpenSSL-style error queue, as pyOpenSSL exposes it: the tuple <c>(lib, function, reason)</c>,
/// e.g. <c>("random number generator", "RAND_bytes", "error retrieving entropy")</c>.
/// </summary>
/// <param name="Library">The library ("random number generator", "PEM routines", "SSL routines", ...).</param>
/// <param name="Function">The function that failed, named as OpenSSL names it.</param>
/// <param name="Reason">What went wrong.</param>
public sealed record OpenSslErrorEntry(string Library, string Function, string Reason)
{
    /// <summary>Formats the entry as Python prints the tuple: <c>('lib', 'func', 'reason')</c>.</summary>
    /// <returns>The tuple text.</returns>
    public override string ToString() => $"('{Library}', '{Function}', '{Reason}')";
}
