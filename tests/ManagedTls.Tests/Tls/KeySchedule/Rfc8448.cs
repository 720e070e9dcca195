namespace ManagedTls.Tests.Tls.KeySchedule;

/// <summary>
/// RFC 8448 "Example Handshake Traces for TLS 1.3" values (TLS_AES_128_GCM_SHA256, X25519), as printed in the RFC:
/// §3 "Simple 1-RTT Handshake", §4 "Resumed 0-RTT Handshake" (early secret and binder key) and §5 "HelloRetryRequest".
/// Shared by the key-schedule and record-layer tests.
/// </summary>
internal static class Rfc8448
{
    // §3 {client} construct a ClientHello handshake message (196 octets)
    public const string ClientHello =
        "010000c00303cb34ecb1e78163ba1c38c6dacb196a6dffa21a8d9912ec18a2ef" +
        "6283024dece7000006130113031302010000910000000b000900000673657276" +
        "6572ff01000100000a00140012001d0017001800190100010101020103010400" +
        "230000003300260024001d002099381de560e4bd43d23d8e435a7dbafeb3c06e" +
        "51c13cae4d5413691e529aaf2c002b0003020304000d0020001e040305030603" +
        "020308040805080604010501060102010402050206020202002d00020101001c" +
        "00024001";

    // §3 {server} construct a ServerHello handshake message (90 octets)
    public const string ServerHello =
        "020000560303a6af06a4121860dc5e6e60249cd34c95930c8ac5cb1434dac155" +
        "772ed3e2692800130100002e00330024001d0020c9828876112095fe66762bdb" +
        "f7c672e156d6cc253b833df1dd69b1b04e751f0f002b00020304";

    // §3 {server} send handshake record: payload (657 octets) = EncryptedExtensions, Certificate, CertificateVerify, Finished
    public const string ServerFlight =
        "080000240022000a00140012001d00170018001901000101010201030104001c" +
        "00024001000000000b0001b9000001b50001b0308201ac30820115a003020102" +
        "020102300d06092a864886f70d01010b0500300e310c300a0603550403130372" +
        "7361301e170d3136303733303031323335395a170d3236303733303031323335" +
        "395a300e310c300a0603550403130372736130819f300d06092a864886f70d01" +
        "0101050003818d0030818902818100b4bb498f8279303d980836399b36c6988c" +
        "0c68de55e1bdb826d3901a2461eafd2de49a91d015abbc9a95137ace6c1af19e" +
        "aa6af98c7ced43120998e187a80ee0ccb0524b1b018c3e0b63264d449a6d38e2" +
        "2a5fda430846748030530ef0461c8ca9d9efbfae8ea6d1d03e2bd193eff0ab9a" +
        "8002c47428a6d35a8d88d79f7f1e3f0203010001a31a301830090603551d1304" +
        "023000300b0603551d0f0404030205a0300d06092a864886f70d01010b050003" +
        "81810085aad2a0e5b9276b908c65f73a7267170618a54c5f8a7b337d2df7a594" +
        "365417f2eae8f8a58c8f8172f9319cf36b7fd6c55b80f21a03015156726096fd" +
        "335e5e67f2dbf102702e608ccae6bec1fc63a42a99be5c3eb7107c3c54e9b9eb" +
        "2bd5203b1c3b84e0a8b2f759409ba3eac9d91d402dcc0cc8f8961229ac9187b4" +
        "2b4de100000f000084080400805a747c5d88fa9bd2e55ab085a61015b7211f82" +
        "4cd484145ab3ff52f1fda8477b0b7abc90db78e2d33a5c141a078653fa6bef78" +
        "0c5ea248eeaaa785c4f394cab6d30bbe8d4859ee511f602957b15411ac027671" +
        "459e46445c9ea58c181e818e95b8c3fb0bf3278409d3be152a3da5043e063dda" +
        "65cdf5aea20d53dfacd42f74f3140000209b9b141d906337fbd2cbdce71df4de" +
        "da4ab42c309572cb7fffee5454b78f0718";

    // §3 {server} send handshake record: complete record (679 octets)
    public const string ServerFlightRecord =
        "17030302a2d1ff334a56f5bff6594a07cc87b580233f500f45e489e7f33af35e" +
        "df7869fcf40aa40aa2b8ea73f848a7ca07612ef9f945cb960b4068905123ea78" +
        "b111b429ba9191cd05d2a389280f526134aadc7fc78c4b729df828b5ecf7b13b" +
        "d9aefb0e57f271585b8ea9bb355c7c79020716cfb9b1183ef3ab20e37d57a6b9" +
        "d7477609aee6e122a4cf51427325250c7d0e509289444c9b3a648f1d71035d2e" +
        "d65b0e3cdd0cbae8bf2d0b227812cbb360987255cc744110c453baa4fcd61092" +
        "8d809810e4b7ed1a8fd991f06aa6248204797e36a6a73b70a2559c09ead68694" +
        "5ba246ab66e5edd8044b4c6de3fcf2a89441ac66272fd8fb330ef8190579b368" +
        "4596c960bd596eea520a56a8d650f563aad27409960dca63d3e688611ea5e22f" +
        "4415cf9538d51a200c27034272968a264ed6540c84838d89f72c24461aad6d26" +
        "f59ecaba9acbbb317b66d902f4f292a36ac1b639c637ce343117b65962224531" +
        "7b49eeda0c6258f100d7d961ffb138647e92ea330faeea6dfa31c7a84dc3bd7e" +
        "1b7a6c7178af36879018e3f252107f243d243dc7339d5684c8b0378bf30244da" +
        "8c87c843f5e56eb4c5e8280a2b48052cf93b16499a66db7cca71e4599426f7d4" +
        "61e66f99882bd89fc50800becca62d6c74116dbd2972fda1fa80f85df881edbe" +
        "5a37668936b335583b599186dc5c6918a396fa48a181d6b6fa4f9d62d513afbb" +
        "992f2b992f67f8afe67f76913fa388cb5630c8ca01e0c65d11c66a1e2ac4c859" +
        "77b7c7a6999bbf10dc35ae69f5515614636c0b9b68c19ed2e31c0b3b66763038" +
        "ebba42f3b38edc0399f3a9f23faa63978c317fc9fa66a73f60f0504de93b5b84" +
        "5e275592c12335ee340bbc4fddd502784016e4b3be7ef04dda49f4b440a30cb5" +
        "d2af939828fd4ae3794e44f94df5a631ede42c1719bfdabf0253fe5175be898e" +
        "750edc53370d2b";

    // §3 {client} construct a Finished handshake message (36 octets)
    public const string ClientFinished = "14000020a8ec436d677634ae525ac1fcebe11a039ec17694fac6e98527b642f2edd5ce61";

    // §3 {client} send handshake record: complete record (58 octets)
    public const string ClientFinishedRecord =
        "170303003575ec4dc238cce60b298044a71e219c56cc77b0517fe9b93c7a4bfc" +
        "44d87f38f80338ac98fc46deb384bd1caeacab6867d726c40546";

    // §3 {server} construct a NewSessionTicket handshake message (205 octets)
    public const string NewSessionTicket =
        "040000c90000001efad6aac502000000b22c035d829359ee5ff7af4ec9000000" +
        "00262a6494dc486d2c8a34cb33fa90bf1b0070ad3c498883c9367c09a2be785a" +
        "bc55cd226097a3a982117283f82a03a143efd3ff5dd36d64e861be7fd61d2827" +
        "db279cce145077d454a3664d4e6da4d29ee03725a6a4dafcd0fc67d2aea70529" +
        "513e3da2677fa5906c5b3f7d8f92f228bda40dda721470f9fbf297b5aea61764" +
        "6fac5c03272e970727c621a79141ef5f7de6505e5bfbc388e93343694093934a" +
        "e4d3570008002a000400000400";

    // §3 {server} send handshake record (NewSessionTicket): complete record, server application keys, sequence 0
    public const string NewSessionTicketRecord =
        "17030300de3a6b8f90414a97d6959c3487680de5134a2b240e6cffac116e95d41d6af8f6b580dcf3d11d63c758db289a015940252f55713e061dc13e07" +
        "8891a38efbcf5753ad8ef170ad3c7353d16d9da773b9ca7f2b9fa1b6c0d4a3d03f75e09c30ba1e62972ac46f75f7b981be63439b2999ce13064615139891" +
        "d5e4c5b406f16e3fc181a77ca475840025db2f0a77f81b5ab05b94c01346755f69232c86519d86cbeeac87aac347d143f9605d64f650db4d023e70e952ca" +
        "49fe5137121c74bc2697687e248746d6df353005f3bce18696129c8153556b3b6c6779b37bf15985684f";

    // §3 {client} send application_data record: 50 octets 00..31, client application keys, sequence 0
    public const string ClientApplicationDataRecord =
        "1703030043a23f7054b62c94d0affafe8228ba55cbefacea42f914aa66bcab3f2b9819a8a5b46b395bd54a9a20441e2b62974e1f5a6292a2977014bd1e3d" +
        "eae63aeebb21694915e4";

    // §3 {server} send application_data record: 50 octets 00..31, server application keys, sequence 1
    public const string ServerApplicationDataRecord =
        "17030300432e937e11ef4ac740e538ad36005fc4a46932fc3225d05f82aa1b36e30efaf97d90e6dffc602dcb501a59a8fcc49c4bf2e5f0a21c0047c2abf3" +
        "32540dd032e167c2955d";

    // §3 {client} send alert record (close_notify), sequence 1
    public const string ClientAlertRecord = "1703030013c9872760655666b74d7ff1153efd6db6d0b0e3";

    // §3 {server} send alert record (close_notify), sequence 2
    public const string ServerAlertRecord = "1703030013b58fd67166ebf599d24720cfbe7efa7a8864a9";

    // §3 secrets, keys and IVs
    public const string EarlySecret = "33ad0a1c607ec03b09e6cd9893680ce210adf300aa1f2660e1b22e10f170f92a";
    public const string DerivedForHandshake = "6f2615a108c702c5678f54fc9dbab69716c076189c48250cebeac3576c3611ba";
    public const string SharedSecret = "8bd4054fb55b9d63fdfbacf9f04b9f0d35e6d63f537563efd46272900f89492d";
    public const string HandshakeSecret = "1dc826e93606aa6fdc0aadc12f741b01046aa6b99f691ed221a9f0ca043fbeac";
    public const string HashClientHelloToServerHello = "860c06edc07858ee8e78f0e7428c58edd6b43f2ca3e6e95f02ed063cf0e1cad8";
    public const string ClientHandshakeTrafficSecret = "b3eddb126e067f35a780b3abf45e2d8f3b1a950738f52e9600746a0e27a55a21";
    public const string ServerHandshakeTrafficSecret = "b67b7d690cc16c4e75e54213cb2d37b4e9c912bcded9105d42befd59d391ad38";
    public const string DerivedForMaster = "43de77e0c77713859a944db9db2590b53190a65b3ee2e4f12dd7a0bb7ce254b4";
    public const string MasterSecret = "18df06843d13a08bf2a449844c5f8a478001bc4d4c627984d5a41da8d0402919";
    public const string ServerHandshakeKey = "3fce516009c21727d0f2e4e86ee403bc";
    public const string ServerHandshakeIv = "5d313eb2671276ee13000b30";
    public const string ClientHandshakeKey = "dbfaa693d1762c5b666af5d950258d01";
    public const string ClientHandshakeIv = "5bd3c71b836e0b76bb73265f";
    public const string ServerFinishedKey = "008d3b66f816ea559f96b537e885c31fc068bf492c652f01f288a1d8cdc19fc8";
    public const string ClientFinishedKey = "b80ad01015fb2f0bd65ff7d4da5d6bf83f84821d1f87fdc7d3c75b5a7b42d9c4";
    public const string ServerFinishedVerifyData = "9b9b141d906337fbd2cbdce71df4deda4ab42c309572cb7fffee5454b78f0718";
    public const string ClientFinishedVerifyData = "a8ec436d677634ae525ac1fcebe11a039ec17694fac6e98527b642f2edd5ce61";
    public const string HashClientHelloToServerFinished = "9608102a0f1ccc6db6250b7b7e417b1a000eaada3daae4777a7686c9ff83df13";
    public const string ClientApplicationTrafficSecret = "9e40646ce79a7f9dc05af8889bce6552875afa0b06df0087f792ebb7c17504a5";
    public const string ServerApplicationTrafficSecret = "a11af9f05531f856ad47116b45a950328204b4f44bfb6b3a4b4f1f3fcb631643";
    public const string ExporterMasterSecret = "fe22f881176eda18eb8f44529e6792c50c9a3f89452f68d8ae311b4309d3cf50";
    public const string ServerApplicationKey = "9f02283b6c9c07efc26bb9f2ac92e356";
    public const string ServerApplicationIv = "cf782b88dd83549aadf1e984";
    public const string ClientApplicationKey = "17422dda596ed5d9acd890e3c63f5051";
    public const string ClientApplicationIv = "5b78923dee08579033e523d9";
    public const string HashClientHelloToClientFinished = "209145a96ee8e2a122ff810047cc952684658d6049e86429426db87c54ad143d";
    public const string ResumptionMasterSecret = "7df235f2031d2a051287d02b0241b0bfdaf86cc856231f2d5aba46c434ec196c";

    // §4 {client} extract secret "early": IKM is the PSK from §3's ticket (nonce 00 00), and the binder key
    public const string ResumptionPsk = "4ecd0eb6ec3b4d87f5d6028f922ca4c5851a277fd41311c9e62d2c9492e1c4f3";
    public const string ResumedEarlySecret = "9b2188e9b2fc6d64d71dc329900e20bb41915000f678aa839cbb797cb7d8332c";
    public const string ResumedBinderKey = "69fe131a3bbad5d63c64eebcc30e395b9d8107726a13d074e389dbc8a4e47256";

    // §5 HelloRetryRequest: ClientHello1 (180), HelloRetryRequest (176), ClientHello2 (512), ServerHello (123)
    public const string HrrClientHello1 =
        "010000b00303b0b1c5a5aa37c5919f2ed1d5c6fff7fcb7849716945a2b8cee92" +
        "58a346677b6f000006130113031302010000810000000b000900000673657276" +
        "6572ff01000100000a00080006001d00170018003300260024001d0020e8e8e3" +
        "f3b93a25ed97a14a7dcacb8a272c6288e585c6484d05262fcad062ad1f002b00" +
        "03020304000d0020001e04030503060302030804080508060401050106010201" +
        "0402050206020202002d00020101001c00024001";

    public const string HrrHelloRetryRequest =
        "020000ac0303cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e" +
        "09e2c8a8339c001301000084003300020017002c0074007271dcd04bb88bc318" +
        "9119398a00000000eefafc76c146b823b096f8aacad365dd0030953f4edf6256" +
        "36e5f21bb2e23fcc654b1b5b40318d10d137abcbb87574e36e8a1f025f7dfa5d" +
        "6e50781b5eda4aa15b0c8be778257d16aa3030e9e7841dd9e4c0342267e8ca0c" +
        "af571fb2b7cff0f934b0002b00020304";

    public const string HrrClientHello2 =
        "010001fc0303b0b1c5a5aa37c5919f2ed1d5c6fff7fcb7849716945a2b8cee92" +
        "58a346677b6f000006130113031302010001cd0000000b000900000673657276" +
        "6572ff01000100000a00080006001d001700180033004700450017004104a6da" +
        "7392ec591e17abfd535964b99894d13befb221b3def2ebe3830eac8f01518126" +
        "77c4d6d2237e85cf01d6910cfb83954e76ba7352830534159897e8065780002b" +
        "0003020304000d0020001e040305030603020308040805080604010501060102" +
        "010402050206020202002c0074007271dcd04bb88bc3189119398a00000000ee" +
        "fafc76c146b823b096f8aacad365dd0030953f4edf625636e5f21bb2e23fcc65" +
        "4b1b5b40318d10d137abcbb87574e36e8a1f025f7dfa5d6e50781b5eda4aa15b" +
        "0c8be778257d16aa3030e9e7841dd9e4c0342267e8ca0caf571fb2b7cff0f934" +
        "b0002d00020101001c00024001001500af000000000000000000000000000000" +
        "0000000000000000000000000000000000000000000000000000000000000000" +
        "0000000000000000000000000000000000000000000000000000000000000000" +
        "0000000000000000000000000000000000000000000000000000000000000000" +
        "0000000000000000000000000000000000000000000000000000000000000000" +
        "0000000000000000000000000000000000000000000000000000000000000000";

    public const string HrrServerHello =
        "020000770303bb341d847fd789c47c387172dc0c9bf147fccacb5043d86ca4c5" +
        "98d3ff571b9800130100004f003300450017004104583e054b7a66672ae020ad" +
        "9d2686fcc85b5ad41a134a0f03ee72b893052bd85b4c8de6776f5b04ac07d835" +
        "40eab3e3d9c547bc6528c4317d294686093a6cad7d002b00020304";

    public const string HrrSharedSecret = "c142ce13ca11b5c2233652e63ad3d97844f1621fbfb9de69d547dc8fedeabeb4";
    public const string HrrHandshakeSecret = "ce022e5e6e81e50736d773f2d3adfce8220d049bf510f0dbfac927ef4243b148";
    public const string HrrHashClientHelloToServerHello = "8aa8e828ec2f8a884fec95a3139de01c15a3daa7ff5bfc3f4bfcc21b438d7bf8";
    public const string HrrClientHandshakeTrafficSecret = "158aa7ab8855073582b41d674b4055cabcc534728f659314861b4e08e2011566";
    public const string HrrServerHandshakeTrafficSecret = "3403e781e2af7b6508da28574f6e95a1abf162de83a97927c37672a4a0cef8a1";
    public const string HrrServerHandshakeKey = "4646bfac1712c426cd78d8a24a8a6f6b";
    public const string HrrServerHandshakeIv = "c7d395c08d62f297d13768ea";

    public static byte[] Bytes(string hex) => Convert.FromHexString(hex);

    /// <summary>The 50 bytes 00..31 both sides send as application data in §3.</summary>
    public static byte[] ApplicationData()
    {
        byte[] data = new byte[50];
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = (byte)i;
        }

        return data;
    }
}
