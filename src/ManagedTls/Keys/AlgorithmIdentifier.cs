using ManagedTls.Asn1;

namespace ManagedTls.Keys;

/// <summary>
/// A view of an AlgorithmIdentifier (RFC 5280 §4.1.1.2): the OID and the encoded parameters, if any.
/// </summary>
internal readonly ref struct AlgorithmIdentifier
{
    private AlgorithmIdentifier(string oid, ReadOnlySpan<byte> parameters)
    {
        Oid = oid;
        Parameters = parameters;
    }

    /// <summary>The algorithm OID, dotted.</summary>
    public string Oid { get; }

    /// <summary>The complete encoding (tag, length, content) of the parameters; empty when absent.</summary>
    public ReadOnlySpan<byte> Parameters { get; }

    public bool HasParameters => !Parameters.IsEmpty;

    public bool ParametersAreNull => Parameters.Length == 2 && Parameters[0] == 0x05 && Parameters[1] == 0x00;

    public static AlgorithmIdentifier Read(ref DerReader reader)
    {
        DerReader sequence = reader.ReadSequence();
        string oid = sequence.ReadObjectIdentifier();
        ReadOnlySpan<byte> parameters = sequence.HasData ? sequence.ReadEncodedValue() : default;
        sequence.ExpectEmpty();
        return new AlgorithmIdentifier(oid, parameters);
    }

    /// <summary>Rejects parameters where RFC 8410 §3 says they MUST be absent (Ed25519, Ed448, X25519, X448).</summary>
    public void ExpectAbsentParameters()
    {
        if (HasParameters)
        {
            throw new KeyFormatException(KeyFormatError.InvalidParameters, $"algorithm {KeyOids.Describe(Oid)} must have absent parameters (RFC 8410 §3)");
        }
    }

    /// <summary>Accepts NULL or absent parameters (RFC 3279 §2.3.1 requires NULL for rsaEncryption; some encoders omit it).</summary>
    public void ExpectNullOrAbsentParameters()
    {
        if (HasParameters && !ParametersAreNull)
        {
            throw new KeyFormatException(KeyFormatError.InvalidParameters, $"algorithm {KeyOids.Describe(Oid)} must have NULL parameters (RFC 3279 §2.3.1)");
        }
    }

    public static void Write(DerWriter writer, string oid, bool nullParameters)
    {
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(oid);
            if (nullParameters)
            {
                writer.WriteNull();
            }
        }
    }
}
