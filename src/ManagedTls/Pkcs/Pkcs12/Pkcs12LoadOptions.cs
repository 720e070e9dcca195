namespace ManagedTls.Pkcs.Pkcs12;

/// <summary>Limits and switches for <see cref="Pkcs12Archive.Load(ReadOnlySpan{byte}, string?, Pkcs12LoadOptions?)"/>. Immutable.</summary>
public sealed record Pkcs12LoadOptions
{
    /// <summary>The defaults: MAC verified, iteration counts up to 10,000,000, 10,000 bags, nesting depth 8.</summary>
    public static Pkcs12LoadOptions Default { get; } = new();

    /// <summary>
    /// Whether the MAC is checked (default true; OpenSSL's <c>PKCS12_parse</c> always checks it). False is the
    /// <c>openssl pkcs12 -nomacver</c> escape hatch for damaged files and must not be used for untrusted input.
    /// </summary>
    public bool VerifyMac { get; init; } = true;

    /// <summary>The largest MAC iteration count accepted (PBE iteration counts are capped at <see cref="PbeParameters.MaxIterationCount"/> by the PBE layer).</summary>
    public int MaxIterationCount { get; init; } = PbeParameters.MaxIterationCount;

    /// <summary>The most bags (at every level together) and authenticated-safe entries accepted.</summary>
    public int MaxBags { get; init; } = 10_000;

    /// <summary>The deepest safeContents nesting accepted (1 means no nested safeContents bag).</summary>
    public int MaxNestingDepth { get; init; } = 8;
}
