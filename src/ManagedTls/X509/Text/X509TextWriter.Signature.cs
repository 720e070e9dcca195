using ManagedTls.Asn1;

namespace ManagedTls.X509.Text;

/// <content>
/// <c>X509_signature_print</c> and the two <c>sig_print</c> methods that change its output in OpenSSL 3.0: RSA-PSS
/// parameters (crypto/rsa/rsa_ameth.c <c>rsa_sig_print</c>, <c>rsa_pss_param_print</c>) and DSA's r and s
/// (crypto/dsa/dsa_ameth.c <c>dsa_sig_print</c>). Every other algorithm (PKCS#1 RSA, ECDSA, EdDSA, unknown OIDs)
/// prints a newline and the signature dump.
/// </content>
internal sealed partial class X509TextWriter
{
    /// <summary>
    /// The signature OIDs OpenSSL 3.0's <c>OBJ_find_sigid_algs</c> links to the DSA key type, whose
    /// <c>dsa_sig_print</c> decodes r and s (dsa_with_SHA384/512 and the SHA-3 variants are not linked in 3.0).
    /// </summary>
    private static readonly HashSet<string> s_dsaSignatureOids = new(StringComparer.Ordinal)
    {
        "1.2.840.10040.4.3", // dsaWithSHA1
        "2.16.840.1.101.3.4.3.1", // dsa_with_SHA224
        "2.16.840.1.101.3.4.3.2", // dsa_with_SHA256
        "1.3.14.3.2.27", // dsaWithSHA1-old
        "1.3.14.3.2.13", // dsaWithSHA
    };

    /// <summary>
    /// <c>X509_signature_print(bio, algorithm, signature)</c> at its fixed indent of 4: the algorithm line, then with a
    /// signature the <c>Signature Value:</c> line; then what the key type's <c>sig_print</c> adds (parameters and
    /// the value), or a newline and the dump at indent 8.
    /// </summary>
    public X509TextWriter AppendSignature(X509AlgorithmIdentifier algorithm, ReadOnlySpan<byte> signature) =>
        AppendSignature(algorithm, signature, hasSignature: true);

    /// <summary><c>X509_signature_print(bio, algorithm, NULL)</c>: the algorithm line (and PSS parameters) of a signed structure's body.</summary>
    public X509TextWriter AppendSignatureAlgorithm(X509AlgorithmIdentifier algorithm) =>
        AppendSignature(algorithm, default, hasSignature: false);

    private X509TextWriter AppendSignature(X509AlgorithmIdentifier algorithm, ReadOnlySpan<byte> signature, bool hasSignature)
    {
        const int Indent4 = 4;
        Indent(Indent4).Append("Signature Algorithm: ");
        AppendObject(algorithm.Oid);
        if (hasSignature)
        {
            Append('\n').Indent(Indent4).Append("Signature Value:");
        }

        if (algorithm.Oid == Oids.RsassaPss)
        {
            AppendPssParameters(algorithm.Parameters.Span, Indent4 + 4);
        }
        else if (s_dsaSignatureOids.Contains(algorithm.Oid))
        {
            if (hasSignature && TryAppendDsaSignature(signature, Indent4 + 4))
            {
                return this;
            }

            Append('\n');
        }
        else
        {
            Append('\n');
        }

        if (hasSignature)
        {
            AppendSignatureDump(signature, Indent4 + 4);
        }

        return this;
    }

    /// <summary><c>rsa_pss_param_print(bio, 0, pss, indent)</c> for a signature's parameters.</summary>
    private void AppendPssParameters(ReadOnlySpan<byte> parameters, int indent)
    {
        Indent(indent);
        if (!PssParameters.TryDecode(parameters, out PssParameters pss))
        {
            Append("(INVALID PSS PARAMETERS)\n");
            return;
        }

        Append('\n').Indent(indent).Append("Hash Algorithm: ");
        if (pss.HashOid is { } hash)
        {
            AppendObject(hash);
        }
        else
        {
            Append("sha1 (default)");
        }

        Append('\n').Indent(indent).Append("Mask Algorithm: ");
        if (pss.MaskHashOid is { } maskHash)
        {
            AppendObject(Oids.Mgf1);
            Append(" with ");
            AppendObject(maskHash);
        }
        else
        {
            Append("mgf1 with sha1 (default)");
        }

        Append('\n').Indent(indent).Append(" Salt Length: 0x");
        if (pss.SaltLength is { } salt)
        {
            AppendInteger(salt);
        }
        else
        {
            Append("14 (default)");
        }

        Append('\n').Indent(indent).Append("Trailer Field: 0x");
        if (pss.TrailerField is { } trailer)
        {
            AppendInteger(trailer);
        }
        else
        {
            Append("01 (default)");
        }

        Append('\n');
    }

    /// <summary>
    /// <c>dsa_sig_print</c>'s successful branch: a newline, then r and s through <c>ASN1_bn_print</c>. OpenSSL 3.0
    /// decodes the value with its strict DER integer reader (crypto/asn1_dsa.c): SEQUENCE of exactly two
    /// non-negative, minimally encoded INTEGERs, lengths in short form or 0x81/0x82, anything after the SEQUENCE
    /// ignored.
    /// </summary>
    /// <returns>False when the value does not decode; nothing has been written then.</returns>
    private bool TryAppendDsaSignature(ReadOnlySpan<byte> signature, int indent)
    {
        if (signature.IsEmpty || signature[0] != 0x30 || !TryReadDsaLength(signature[1..], out int sequenceLength, out int headerLength))
        {
            return false;
        }

        ReadOnlySpan<byte> content = signature.Slice(1 + headerLength, sequenceLength);
        if (!TryReadDsaInteger(ref content, out ReadOnlySpan<byte> r) || !TryReadDsaInteger(ref content, out ReadOnlySpan<byte> s) || !content.IsEmpty)
        {
            return false;
        }

        Append('\n');
        AppendBigNumber("r:   ", r, indent);
        AppendBigNumber("s:   ", s, indent);
        return true;
    }

    private static bool TryReadDsaInteger(ref ReadOnlySpan<byte> data, out ReadOnlySpan<byte> value)
    {
        value = default;
        if (data.IsEmpty || data[0] != 0x02 || !TryReadDsaLength(data[1..], out int length, out int headerLength) || length == 0)
        {
            return false;
        }

        value = data.Slice(1 + headerLength, length);
        data = data[(1 + headerLength + length)..];
        return value[0] < 0x80 && (value.Length == 1 || value[0] != 0 || value[1] >= 0x80);
    }

    /// <summary><c>ossl_decode_der_length</c>: short form, or 0x81/0x82 with one or two length octets (not necessarily minimal).</summary>
    private static bool TryReadDsaLength(ReadOnlySpan<byte> data, out int length, out int headerLength)
    {
        length = 0;
        headerLength = 0;
        if (data.IsEmpty)
        {
            return false;
        }

        switch (data[0])
        {
            case < 0x80:
                length = data[0];
                headerLength = 1;
                break;
            case 0x81 when data.Length >= 2:
                length = data[1];
                headerLength = 2;
                break;
            case 0x82 when data.Length >= 3:
                length = (data[1] << 8) | data[2];
                headerLength = 3;
                break;
            default:
                return false;
        }

        return data.Length - headerLength >= length;
    }
}
