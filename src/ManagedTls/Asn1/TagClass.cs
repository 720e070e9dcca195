namespace ManagedTls.Asn1;

/// <summary>The class of an ASN.1 tag (the top two bits of the identifier octet, ITU-T X.690 §8.1.2.2).</summary>
public enum TagClass : byte
{
    /// <summary>Types defined in X.680 (INTEGER, SEQUENCE, ...).</summary>
    Universal = 0,

    /// <summary>Application-wide tags.</summary>
    Application = 1,

    /// <summary>Context-specific tags (<c>[n]</c> in a module).</summary>
    ContextSpecific = 2,

    /// <summary>Private-use tags.</summary>
    Private = 3,
}
