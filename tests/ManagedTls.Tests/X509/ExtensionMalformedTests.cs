using ManagedTls.X509;

namespace ManagedTls.Tests.X509;

/// <summary>Typed Decode on truncated and garbled values throws <see cref="X509FormatException"/> only; the text is null, never an exception.</summary>
public sealed class ExtensionMalformedTests
{
    public static TheoryData<string, string> ValidValues => new()
    {
        { "2.5.29.19", "30060101FF020103" },
        { "2.5.29.15", "03020186" },
        { "2.5.29.37", "300A06082B06010505070301" },
        { "2.5.29.17", Hex(new AlternativeNames([GeneralName.Dns("a"), GeneralName.IPAddress([1, 2, 3, 4]), GeneralName.Directory(Dn), GeneralName.OtherName("1.2.3.4", [0x0C, 0x01, 0x75]), GeneralName.RegisteredId("1.2.3")]).Encode()) },
        { "2.5.29.14", "0403010203" },
        { "2.5.29.35", "300C80020102A103820161820101" },
        { "2.5.29.31", Hex(new CrlDistributionPoints([new DistributionPoint(new DistributionPointName([GeneralName.Uri("http://crl.example/ca.crl")]), CrlReasonFlags.KeyCompromise | CrlReasonFlags.AACompromise, [GeneralName.Dns("an.test")]), DistributionPoint.FromUri("http://b/")]).Encode()) },
        { "2.5.29.46", Hex(new CrlDistributionPoints([new DistributionPoint(new DistributionPointName(Dn.Attributes)), new DistributionPoint(null, CrlReasonFlags.None, [GeneralName.Directory(Dn)])]).Encode()) },
        { "1.3.6.1.5.5.7.1.1", "3022302006082B060105050730018614687474703A2F2F6F6373702E6578616D706C652F" },
        { "1.3.6.1.5.5.7.1.11", "3010300E06082B0601050507300A8702C0A8" },
        { "2.5.29.32", "3081DC300506032A030430819F06072B060104016301308193302006082B060105050702011614687474703A2F2F6370732E6578616D706C652F61302006082B060105050702011614687474703A2F2F6370732E6578616D706C652F62303706082B06010505070202302B301516084F7267204E616D6530090201010201020201030C124578706C6963697420757466382074657874301406082B0601050507020230081E06486920424D5030310604551D20003029302706082B06010505070202301B300B16034F726730040202012C1A0C56697369626C652074657874" },
        { "2.5.29.33", "3018300A06032A030406032A0305300A0604551D200006022D06" },
        { "2.5.29.36", "3006800103810101" },
        { "2.5.29.54", "020102" },
        { "2.5.29.30", "30819DA05030078205782E636F6D300A8708C0A80000FFFF00003022872020010DB8000000000000000000000000FFFFFFFF0000000000000000000000003015A013060A2B060104018237140203A0050C0375706EA149300A81082E6261642E636F6D3031A42F302D310B30090603550406130255533110300E060355040A0C07446972204F7267310C300A06035504030C03646972300886062E752E636F6D" },
        { "1.3.6.1.5.5.7.1.24", "3009020105020111020107" },
        { "1.3.6.1.4.1.11129.2.4.2", Hex(new SignedCertificateTimestampList([new SignedCertificateTimestamp(new byte[32], 1678797296789, [], 4, 3, new byte[70]), new SignedCertificateTimestamp(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray(), 1, [1, 2], 4, 1, [9])]).Encode()) },
        { "2.16.840.1.113730.1.1", "030200FF" },
        { "2.16.840.1.113730.1.13", "160D48656C6C6F20636F6D6D656E74" },
        { "2.5.29.21", "0A0101" },
        { "2.5.29.24", "180F32303233303331343132333435365A" },
        { "2.5.29.29", "302BA41B3019310B3009060355040613025553310A300806035504030C0161820C6973737565722E6C6F63616C" },
        { "2.5.29.20", "02021000" },
        { "2.5.29.27", "020105" },
        { "2.5.29.28", "302FA01DA01B8619687474703A2F2F63726C2E6578616D706C652F63612E63726C8101FF8201FF830203488401FF8501FF" },
        { "2.5.29.16", "3022800F32303036313132373230323334325A810F32303236313132373230353334325A" },
    };

    private static DistinguishedName Dn => DistinguishedName.Decode(Convert.FromHexString("300D310B300906035504030C02646E"));

    private static string Hex(byte[] value) => Convert.ToHexString(value);

    [Theory]
    [MemberData(nameof(ValidValues))]
    public void Decode_ValidValue_RoundTripsAndPrints(string oid, string hex)
    {
        byte[] value = Convert.FromHexString(hex);
        var extension = new X509Extension(oid, false, value);

        ExtensionRoundTrip.Encode(extension).ShouldBe(value, oid);
        extension.ToOpenSslString(4).ShouldNotBeNull(oid);
    }

    [Theory]
    [MemberData(nameof(ValidValues))]
    public void Decode_EveryProperPrefix_ThrowsX509FormatExceptionAndTextIsNull(string oid, string hex)
    {
        byte[] value = Convert.FromHexString(hex);
        for (int length = 0; length < value.Length; length++)
        {
            var extension = new X509Extension(oid, false, value.AsSpan(0, length));
            Should.Throw<X509FormatException>(() => ExtensionRoundTrip.Encode(extension), $"{oid} prefix {length}");
            extension.ToOpenSslString(4).ShouldBeNull($"{oid} prefix {length}");
        }
    }

    [Theory]
    [MemberData(nameof(ValidValues))]
    public void Decode_GarbledValue_OnlyX509FormatExceptionAndTextNeverThrows(string oid, string hex)
    {
        byte[] value = Convert.FromHexString(hex);
        int decoded = 0, rejected = 0;
        foreach (byte mask in new byte[] { 0x01, 0x02, 0x10, 0x20, 0x40, 0x80, 0xFF })
        {
            for (int i = 0; i < value.Length; i++)
            {
                byte[] garbled = (byte[])value.Clone();
                garbled[i] ^= mask;
                var extension = new X509Extension(oid, false, garbled);
                try
                {
                    ExtensionRoundTrip.Encode(extension);
                    decoded++;
                }
                catch (X509FormatException)
                {
                    rejected++;
                }

                _ = extension.ToOpenSslString(4);
                _ = extension.ToOpenSslString(0);
            }
        }

        (decoded + rejected).ShouldBe(value.Length * 7);
        rejected.ShouldBeGreaterThan(0, oid);
    }

    [Fact]
    public void Decode_TrailingData_Rejected()
    {
        foreach ((string oid, string hex) in ValidValues.Select(row => ((string)row[0], (string)row[1])))
        {
            var extension = new X509Extension(oid, false, Convert.FromHexString(hex + "00"));
            Should.Throw<X509FormatException>(() => ExtensionRoundTrip.Encode(extension), oid);
        }
    }
}
