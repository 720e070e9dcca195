using System.Text;
using ManagedTls.Asn1;
using ManagedTls.Pkcs.Pkcs12;
using ManagedTls.X509;

namespace ManagedTls.Cli;

/// <content>Reading a PKCS#12 file: the <c>-info</c> lines on standard error, bags as PEM with their attributes.</content>
internal sealed partial class Pkcs12Command
{
    private int Import(Settings s, CommandContext context, byte[]? passIn, byte[]? passOut)
    {
        byte[] input = context.ReadInput(s.InFile);
        TextWriter error = context.Error;
        Pkcs12Mac? mac;
        try
        {
            mac = Pkcs12Archive.ReadMac(input);
        }
        catch (Pkcs12Exception e)
        {
            throw new CommandException($"Could not read PKCS#12 input: {e.Message}");
        }

        if (passIn is null)
        {
            throw new CommandException("Password required: give -passin or -password (mtls does not prompt)");
        }

        if (s.Info && mac is not null)
        {
            error.Write(mac.Describe());
        }

        if (!s.NoMacVerify && mac is null)
        {
            error.WriteLine("Warning: MAC is absent!");
        }

        Pkcs12Archive archive;
        try
        {
            archive = Pkcs12Archive.LoadWithOctets(input, passIn, new Pkcs12LoadOptions { VerifyMac = !s.NoMacVerify });
        }
        catch (Pkcs12Exception e) when (e.Reason is Pkcs12Error.WrongPassword or Pkcs12Error.MacVerifyFailure)
        {
            throw new CommandException($"Mac verify error: invalid password?\n{e.Message}");
        }
        catch (Pkcs12Exception e)
        {
            throw new CommandException($"Error outputting keys and certificates\n{e.Message}");
        }

        string? cipher = s.NoEncrypt ? null : s.Cipher ?? (s.Legacy ? "des-ede3-cbc" : "aes-256-cbc");
        using Stream output = context.OpenOutput(s.OutFile);
        var text = new StringBuilder();
        foreach (Pkcs12SafeContents safe in archive.Safes)
        {
            if (s.Info)
            {
                error.WriteLine(safe.IsEncrypted ? "PKCS7 Encrypted data: " + safe.Encryption : "PKCS7 Data");
            }

            DumpBags(safe.Bags, s, error, text, cipher, passOut);
        }

        KeyText.WriteUtf8(output, text.ToString());
        return 0;
    }

    /// <summary>apps/pkcs12.c's dump_certs_pkeys_bag for each bag, recursing into safeContents bags.</summary>
    private static void DumpBags(IReadOnlyList<Pkcs12Bag> bags, Settings s, TextWriter error, StringBuilder text, string? cipher, byte[]? passOut)
    {
        foreach (Pkcs12Bag bag in bags)
        {
            switch (bag.Kind)
            {
                case Pkcs12BagKind.Key or Pkcs12BagKind.ShroudedKey:
                    if (s.Info)
                    {
                        error.WriteLine(bag.Kind == Pkcs12BagKind.Key ? "Key bag" : "Shrouded Keybag: " + bag.KeyEncryption);
                    }

                    if (s.NoKeys)
                    {
                        break;
                    }

                    PrintAttributes(text, bag.HasAttributesField ? bag.Attributes : null, "Bag Attributes");
                    PrintAttributes(text, bag.KeyAttributes, "Key Attributes");
                    text.Append(Encoding.ASCII.GetString(KeyFiles.EncodePrivateKey(bag.PrivateKey!, der: false, traditional: false, cipher, passOut)));
                    break;
                case Pkcs12BagKind.Certificate:
                    if (s.Info)
                    {
                        error.WriteLine("Certificate bag");
                    }

                    if (s.NoCerts || (bag.LocalKeyId is not null ? s.CaCerts : s.ClientCerts))
                    {
                        break;
                    }

                    PrintAttributes(text, bag.HasAttributesField ? bag.Attributes : null, "Bag Attributes");
                    if (bag.Certificate is { } cert)
                    {
                        var names = new NameOption();
                        text.Append(names.Print("subject=", cert.Subject)).Append(names.Print("issuer=", cert.Issuer)).Append(cert.ToPem());
                    }

                    break;
                case Pkcs12BagKind.Secret:
                    if (s.Info)
                    {
                        error.WriteLine("Secret bag");
                    }

                    PrintAttributes(text, bag.HasAttributesField ? bag.Attributes : null, "Bag Attributes");
                    error.Write("Bag Type: " + ObjectText(bag.ValueTypeOid!) + "\nBag Value: ");
                    text.Append(AttributeValue(bag.RawValue.Span));
                    break;
                case Pkcs12BagKind.SafeContents:
                    if (s.Info)
                    {
                        error.WriteLine("Safe Contents bag");
                    }

                    PrintAttributes(text, bag.HasAttributesField ? bag.Attributes : null, "Bag Attributes");
                    DumpBags(bag.Children, s, error, text, cipher, passOut);
                    break;
                default:
                    error.WriteLine("Warning unsupported bag type: " + ObjectText(bag.BagOid));
                    break;
            }
        }
    }

    /// <summary>print_attribs: "NAME: &lt;No Attributes&gt;", or the name and one line per attribute.</summary>
    private static void PrintAttributes(StringBuilder text, IReadOnlyList<X509Attribute>? attributes, string name)
    {
        if (attributes is null)
        {
            text.Append(name).Append(": <No Attributes>\n");
            return;
        }

        if (attributes.Count == 0)
        {
            text.Append(name).Append(": <Empty Attributes>\n");
            return;
        }

        text.Append(name).Append('\n');
        foreach (X509Attribute attribute in attributes)
        {
            text.Append("    ").Append(OidRegistry.TryGetByDotted(attribute.Oid, out OidInfo? info) ? info.LongName : attribute.Oid).Append(": ");
            if (attribute.Values.Count == 0)
            {
                text.Append("<No Values>\n");
            }

            foreach (ReadOnlyMemory<byte> value in attribute.Values)
            {
                text.Append(AttributeValue(value.Span));
            }
        }
    }

    /// <summary>print_attribute: BMPString and UTF8String as text, OCTET and BIT STRING as "XX " hex, OBJECT as "ln (dotted)".</summary>
    private static string AttributeValue(ReadOnlySpan<byte> der)
    {
        try
        {
            var reader = new DerReader(der, DerMode.Ber);
            ReadOnlySpan<byte> content = reader.ReadContent(out Asn1Header header);
            return header.Tag.TagClass != TagClass.Universal ? $"<Unsupported tag {header.Tag.TagValue}>\n" : header.Tag.TagValue switch
            {
                30 => Encoding.BigEndianUnicode.GetString(content) + "\n",
                12 => Encoding.UTF8.GetString(content) + "\n",
                4 => Hex(content) + "\n",
                3 => Hex(content.IsEmpty ? content : content[1..]) + "\n",
                6 => ObjectText(new DerReader(der).ReadObjectIdentifier()) + "\n",
                int tag => $"<Unsupported tag {tag}>\n",
            };
        }
        catch (DecodeException)
        {
            return "<Unsupported tag -1>\n";
        }
    }

    private static string ObjectText(string oid) => OidRegistry.TryGetByDotted(oid, out OidInfo? info) ? $"{info.LongName} ({oid})" : oid;

    private static string Hex(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder(bytes.Length * 3);
        foreach (byte b in bytes)
        {
            text.Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)).Append(' ');
        }

        return text.ToString().TrimEnd('\n');
    }
}
