namespace ManagedTls.Cli.Commands.Asn1Parse;

/// <summary>
/// What <c>openssl asn1parse -inform PEM</c> reads: OpenSSL 3.0's base64 BIO (<c>BIO_f_base64</c>) over the whole
/// file, not a PEM parser. It skips lines until one decodes as base64 (an empty line counts), then decodes until a
/// '-' (so the END line, or the BEGIN line when decoding started early) or bad input; output of a 1024-byte read
/// chunk that fails is dropped. Raw base64 without markers works; a last line without '\n' is never a start line.
/// </summary>
/// <remarks>
/// A private stand-in, kept faithful to <c>crypto/evp/bio_b64.c</c> and <c>EVP_DecodeUpdate</c>, so asn1parse output
/// matches byte for byte. The shared PEM codec (ManagedTls.Pem) serves <c>-strictpem</c> once it lands.
/// </remarks>
internal static class OpenSslBase64Reader
{
    private const int BlockSize = 1024; // B64_BLOCK_SIZE
    private const byte Ws = 0xE0;
    private const byte Eoln = 0xF0;
    private const byte Cr = 0xF1;
    private const byte Eof = 0xF2;
    private const byte Error = 0xFF;

    /// <summary>Decodes <paramref name="input"/> as the base64 BIO would hand it to asn1parse.</summary>
    public static byte[] Decode(ReadOnlySpan<byte> input)
    {
        var output = new List<byte>();
        var tmp = new byte[BlockSize];
        int tmpLen = 0;
        bool tmpNl = false;
        bool start = true;
        int cont = 1;
        int position = 0;
        var decoder = new Decoder();
        while (cont > 0)
        {
            int read = Math.Min(BlockSize - tmpLen, input.Length - position);
            input.Slice(position, read).CopyTo(tmp.AsSpan(tmpLen));
            position += read;
            int i;
            if (read <= 0)
            {
                cont = 0;
                if (tmpLen == 0)
                {
                    break;
                }

                i = 0;
            }
            else
            {
                i = read;
            }

            i += tmpLen;
            tmpLen = i;
            if (start)
            {
                int p = 0;
                int q = 0;
                bool found = false;
                for (int j = 0; j < i; j++)
                {
                    if (tmp[q++] != (byte)'\n')
                    {
                        continue;
                    }

                    if (tmpNl)
                    {
                        p = q;
                        tmpNl = false;
                        continue;
                    }

                    var probe = new Decoder();
                    int k = probe.Update(tmp.AsSpan(p, q - p), null, out int num);
                    if (k > 0 || num != 0)
                    {
                        i -= p;
                        Array.Copy(tmp, p, tmp, 0, i);
                        start = false;
                        found = true;
                        break;
                    }

                    p = q;
                }

                if (!found)
                {
                    if (p == 0)
                    {
                        if (i == BlockSize)
                        {
                            tmpNl = true;
                            tmpLen = 0;
                        }
                    }
                    else if (p != q)
                    {
                        Array.Copy(tmp, p, tmp, 0, q - p);
                        tmpLen = q - p;
                    }

                    continue;
                }

                tmpLen = 0;
            }
            else if (i < BlockSize && cont > 0)
            {
                continue;
            }

            var chunk = new List<byte>();
            int rv = decoder.Update(tmp.AsSpan(0, i), chunk, out _);
            tmpLen = 0;
            cont = rv;
            if (rv < 0)
            {
                break;
            }

            output.AddRange(chunk);
        }

        return [.. output];
    }

    private static byte Convert(byte c)
    {
        if ((c & 0x80) != 0)
        {
            return Error;
        }

        return c switch
        {
            >= (byte)'A' and <= (byte)'Z' => (byte)(c - 'A'),
            >= (byte)'a' and <= (byte)'z' => (byte)(c - 'a' + 26),
            >= (byte)'0' and <= (byte)'9' => (byte)(c - '0' + 52),
            (byte)'+' => 62,
            (byte)'/' => 63,
            (byte)'=' => 0,
            (byte)'\t' or (byte)' ' => Ws,
            (byte)'\n' => Eoln,
            (byte)'\r' => Cr,
            (byte)'-' => Eof,
            _ => Error,
        };
    }

    private static bool IsBase64(byte v) => (v | 0x13) != 0xF3;

    /// <summary>EVP_ENCODE_CTX in decode mode: <c>EVP_DecodeUpdate</c> with its legacy quirks.</summary>
    private sealed class Decoder
    {
        private readonly byte[] _d = new byte[64];
        private int _n;

        /// <summary>Returns -1 on error, 0 at a '-' or after padding, 1 to continue; <paramref name="produced"/> is *outl.</summary>
        public int Update(ReadOnlySpan<byte> input, List<byte>? output, out int produced)
        {
            int eof = 0;
            bool seof = false;
            produced = 0;
            if (_n > 0 && _d[_n - 1] == '=')
            {
                eof++;
                if (_n > 1 && _d[_n - 2] == '=')
                {
                    eof++;
                }
            }

            if (input.IsEmpty)
            {
                return 0;
            }

            foreach (byte c in input)
            {
                byte v = Convert(c);
                if (v == Error)
                {
                    return -1;
                }

                if (c == '=')
                {
                    eof++;
                }
                else if (eof > 0 && IsBase64(v))
                {
                    return -1; // more data after padding
                }

                if (eof > 2)
                {
                    return -1;
                }

                if (v == Eof)
                {
                    seof = true;
                    break;
                }

                if (IsBase64(v))
                {
                    _d[_n++] = c;
                }

                if (_n == 64)
                {
                    if (!Flush(output, eof, ref produced))
                    {
                        return -1;
                    }
                }
            }

            if (_n > 0)
            {
                if ((_n & 3) == 0)
                {
                    if (!Flush(output, eof, ref produced))
                    {
                        return -1;
                    }
                }
                else if (seof)
                {
                    return -1; // EOF in the middle of a base64 block
                }
            }

            return seof || (_n == 0 && eof > 0) ? 0 : 1;
        }

        private bool Flush(List<byte>? output, int eof, ref int produced)
        {
            int decoded = _n / 4 * 3;
            int count = _n;
            _n = 0;
            if (eof > decoded)
            {
                return false;
            }

            Span<byte> block = stackalloc byte[48];
            for (int i = 0, o = 0; i < count; i += 4, o += 3)
            {
                int l = (Convert(_d[i]) << 18) | (Convert(_d[i + 1]) << 12) | (Convert(_d[i + 2]) << 6) | Convert(_d[i + 3]);
                block[o] = (byte)(l >> 16);
                block[o + 1] = (byte)(l >> 8);
                block[o + 2] = (byte)l;
            }

            foreach (byte b in block[..(decoded - eof)])
            {
                output?.Add(b);
            }

            produced += decoded - eof;
            return true;
        }
    }
}
