namespace ManagedTls.OpenSsl.Tests;

/// <summary>
/// Certificates, a request and a CRL made once with openssl 3.0 (commands in vectors/README.md, "facade" section): a
/// self-signed RSA root, an EC server certificate it issued (serial 0x0123456789ABCDEF01), the server's CSR (with a
/// challengePassword and requested extensions) and a v2 CRL revoking the server certificate for keyCompromise.
/// </summary>
internal static class X509Fixtures
{
    public const string CaCertPem = """
        -----BEGIN CERTIFICATE-----
        MIIDoTCCAomgAwIBAgIUHySMt8GvX6LfCNpDvWaLRyO3UfcwDQYJKoZIhvcNAQEL
        BQAwWDELMAkGA1UEBhMCVVMxCzAJBgNVBAgMAklMMRAwDgYDVQQHDAdDaGljYWdv
        MRAwDgYDVQQKDAdUZXN0aW5nMRgwFgYDVQQDDA9UZXN0aW5nIFJvb3QgQ0EwHhcN
        MjYxMTIzMTM1MzMwWhcNNDYxMTE4MTM1MzMwWjBYMQswCQYDVQQGEwJVUzELMAkG
        A1UECAwCSUwxEDAOBgNVBAcMB0NoaWNhZ28xEDAOBgNVBAoMB1Rlc3RpbmcxGDAW
        BgNVBAMMD1Rlc3RpbmcgUm9vdCBDQTCCASIwDQYJKoZIhvcNAQEBBQADggEPADCC
        AQoCggEBALCrTVL2dPL0PGxRdhrenpdSdoaJY6cr2bjcuTLUmv2GCUWvwUXMHukl
        cIxRVRAB06K70vRBC9NF/cSyhqj1aeCj/QK/uQ8tevkDGridijGly68WYKLqUg7x
        ECIlZdoSXS/n75ZvgRVjIqz3LPkbCjZbB1Fe6DhSUvqWzDL52U2BGO5kmQAfKX+R
        qgwJdEy+7lKtnSyIKKX0kuQ4YtLmOQljOejv5RC7nrnh7jUWYHhFDAWb8sHs208r
        upL5IB/8iu9ame7nvOkluD3HNST4tko/v3RZ17DK87D4+JANVl5uEzH0i6BfOOie
        4T+Z4RGWA4SDXvbcJPyATKPpeTP0XakCAwEAAaNjMGEwHQYDVR0OBBYEFEcydg1I
        ultrrm4DFv1UACcmik7wMB8GA1UdIwQYMBaAFEcydg1Iultrrm4DFv1UACcmik7w
        MA8GA1UdEwEB/wQFMAMBAf8wDgYDVR0PAQH/BAQDAgEGMA0GCSqGSIb3DQEBCwUA
        A4IBAQAAEVaO2+VeiXIJmxbOqnwVQtXIU1mqUULO622ndMXgY6MdHgymoBteftTS
        p1bEACKEe4CSwz8iFJZ8m0XCOXea/JeX+bg+q0YrUL30GuVy+SBoKu98Qe4TVuQ/
        fbOGgBeZpUhDPVbL/lku1pkXkjlEnpb/keLDijdE4+ttR1J6gD8g9BNWLvT/vcxz
        PZDL84E4aKi/HN2Re3TUWlkqh/9PLfoSLdOuZNSMRi8S0/cbAfswwu24MF+oIfBf
        m2Vh730Yn+zoBLuBz7cKHkyHvu6m9Su4vdh401wNyQ8GGQrojmYv3IQcos0F4okM
        c/yJlrpmrqQf/wZpzzDoCON90vuE
        -----END CERTIFICATE-----
        """;

    public const string CaKeyPem = """
        -----BEGIN PRIVATE KEY-----
        MIIEvAIBADANBgkqhkiG9w0BAQEFAASCBKYwggSiAgEAAoIBAQCwq01S9nTy9Dxs
        UXYa3p6XUnaGiWOnK9m43Lky1Jr9hglFr8FFzB7pJXCMUVUQAdOiu9L0QQvTRf3E
        soao9Wngo/0Cv7kPLXr5Axq4nYoxpcuvFmCi6lIO8RAiJWXaEl0v5++Wb4EVYyKs
        9yz5Gwo2WwdRXug4UlL6lswy+dlNgRjuZJkAHyl/kaoMCXRMvu5SrZ0siCil9JLk
        OGLS5jkJYzno7+UQu5654e41FmB4RQwFm/LB7NtPK7qS+SAf/IrvWpnu57zpJbg9
        xzUk+LZKP790WdewyvOw+PiQDVZebhMx9IugXzjonuE/meERlgOEg1723CT8gEyj
        6Xkz9F2pAgMBAAECggEAGMOiXp86bHXs5FgU4JZVD6wY/inTBLNiXQXfle70XNZF
        hXWp92Ex8gdz+89Ix6oh4t1GKEPX5wEYHdLSimuAMGN8Sz7Zr3V2F+KmA7vdi7EM
        WJof6KZE42BKHSc13DgXxOfTjzhJFVjkmu846CAwscbXw0G09nQfuo2ZyQl5uuHC
        mWhn1VCJh9WDokGGbJL/AT1TVRprZmEpJUzlFtNPjco0hUE9rBm1EPY/k7C7XcEF
        /+1Bj1uccVNBiTVbSer9sSo/U8KGu4YCOKAJVOqMpt2DhtPNx/Q3idNCY0w1gqoV
        YBWR/5dNzFh/TQ8IkiG+zbr5Wsgi1iVosW2I2N/XiwKBgQDbMGmCq4sv2Sk18DWl
        CbA4haTlJrJd3SugTBnZ4/k9RAzjyLLVwtuhzpeENZ6xKV4ALfcITKfoAxg+Pjdr
        pG0py54KmMb9pWDvafwM3FI/P7AKNaUx4fDsmKRwmSDN6t+de8is7AFmt+0I43ih
        mHMe/RfAey09MH6BjGn5iXmEiwKBgQDOVtS/3fAfJg0tGJq0hVPN24QDp9/k0VMR
        0fviqKlzgzARAMT4FNzK5KZKV73TDEoiWKlDcrb5QzHoBiWbs4XqYU9ybJtR+6Rp
        AMOCUsTvhsmpDrzElHTbW0zZCrwT4yk+7zPhH95uJMJocc0SdqImKAm0wXLOmOfz
        gOJ16j+JGwKBgBEsjufVJxe9rTPzuVBQHQWguxXVXV5raPKrY88lxK6fOV9Tp2eG
        WA0qkcajKOb6tcnP0C5PS0yriWe/GjqN7Ju8v4pXBCh1n83CgSRE0xDvnYx/PY1W
        BbmUEDZeWSqpP5IoU8Xwy/9PY/wxTo9i0YpZDFZhkF7eANuHs/oAYowXAoGAFnoI
        9NmVRZ9cghQTDiUT6vHFoKxRzFgtB1zrZlZfFxEsVD3UNv32yzc7EhAawnmtPa6Q
        yaMeYWq7bf31bM+Sf+SXxewkwzp5P2Lw6Spg/4KcRwku8O8HB7obVe1AbZ4qKQvf
        h99z2GWys7Pp1eAMa8GixQjpm622XqUkhhm9UA8CgYAbhYtcM4/fHJeS+hDoQfVd
        tlGHtVPYVWj5uGfJg27jgGzr06kyqUi9LRYDc4X6RwR5sEBNHe6zenXCfx+5BJ5X
        1Q5PLqN/f+YpbkcImFO4XgdSWsgj4JKjs7grF9AnBFbleeI4Vs4WC5WcW7sOpn7E
        WyNdPIONNTwcNY3T5VHodA==
        -----END PRIVATE KEY-----
        """;

    public const string ServerCertPem = """
        -----BEGIN CERTIFICATE-----
        MIIDLjCCAhagAwIBAgIJASNFZ4mrze8BMA0GCSqGSIb3DQEBCwUAMFgxCzAJBgNV
        BAYTAlVTMQswCQYDVQQIDAJJTDEQMA4GA1UEBwwHQ2hpY2FnbzEQMA4GA1UECgwH
        VGVzdGluZzEYMBYGA1UEAwwPVGVzdGluZyBSb290IENBMB4XDTI2MTEyMzEzNTMz
        M1oXDTM2MTEyMDEzNTMzM1owdjELMAkGA1UEBhMCVVMxCzAJBgNVBAgMAklMMRAw
        DgYDVQQHDAdDaGljYWdvMRAwDgYDVQQKDAdUZXN0aW5nMRQwEgYDVQQDDAtleGFt
        cGxlLmNvbTEgMB4GCSqGSIb3DQEJARYRYWRtaW5AZXhhbXBsZS5jb20wWTATBgcq
        hkjOPQIBBggqhkjOPQMBBwNCAAStxIa4Vso/5z4JF21W74+rgVIZx+J/pRaIqlTd
        7zNg+UusYfPAhz1gBod7mRpImKBywyRyGHgKf/mU4C0v0oW6o4GnMIGkMAkGA1Ud
        EwQCMAAwOAYDVR0RBDEwL4ILZXhhbXBsZS5jb22HBMAAAgGBBWFAYi5jhhNodHRw
        Oi8vZXhhbXBsZS5jb20vMB0GA1UdJQQWMBQGCCsGAQUFBwMBBggrBgEFBQcDAjAd
        BgNVHQ4EFgQUOQ0sBmITywrKtZnsa6voF3SxgKgwHwYDVR0jBBgwFoAURzJ2DUi6
        W2uubgMW/VQAJyaKTvAwDQYJKoZIhvcNAQELBQADggEBAHpCav+7WyEzn8443KBV
        akAb9V0u2T2uw7BImH2wLXjW1Q+7lSV5t75VLyntkslNr03X7F5qBcKK8BdlOsfy
        1/3g6fKkKzhnL5LYcef+Lsgi4z5Ibex1sTJHyXHwnIFeyiKrmjs/MDraBpKf46Nf
        ikaA5GppjAvL/7Q4iypFBsr4lmHbjNPxFT75kM/O7aRFho9t01hiOLb4UJJA2+Vo
        8ciuvHKTSSGvJOwMij6ewCnBFDYTrK0GsawHXchWV1gjk1oIbxGeUo8uLubIEV31
        RxqPjVEgNB8VgXtZwRTHlESzf54EZzAPUgBERKGqUXKTcbp52s1C115eCYFl4tpr
        j/w=
        -----END CERTIFICATE-----
        """;

    public const string ServerKeyPem = """
        -----BEGIN PRIVATE KEY-----
        MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgjq4HbfgaW4OVKvtE
        lM/aVIendSuo6ML3DF0LtrZ4dWOhRANCAAStxIa4Vso/5z4JF21W74+rgVIZx+J/
        pRaIqlTd7zNg+UusYfPAhz1gBod7mRpImKBywyRyGHgKf/mU4C0v0oW6
        -----END PRIVATE KEY-----
        """;

    public const string ServerCsrPem = """
        -----BEGIN CERTIFICATE REQUEST-----
        MIIBoDCCAUUCAQAwdjELMAkGA1UEBhMCVVMxCzAJBgNVBAgMAklMMRAwDgYDVQQH
        DAdDaGljYWdvMRAwDgYDVQQKDAdUZXN0aW5nMRQwEgYDVQQDDAtleGFtcGxlLmNv
        bTEgMB4GCSqGSIb3DQEJARYRYWRtaW5AZXhhbXBsZS5jb20wWTATBgcqhkjOPQIB
        BggqhkjOPQMBBwNCAAStxIa4Vso/5z4JF21W74+rgVIZx+J/pRaIqlTd7zNg+Uus
        YfPAhz1gBod7mRpImKBywyRyGHgKf/mU4C0v0oW6oG0wFQYJKoZIhvcNAQkHMQgM
        BnMzY3JldDBUBgkqhkiG9w0BCQ4xRzBFMDgGA1UdEQQxMC+CC2V4YW1wbGUuY29t
        hwTAAAIBgQVhQGIuY4YTaHR0cDovL2V4YW1wbGUuY29tLzAJBgNVHRMEAjAAMAoG
        CCqGSM49BAMCA0kAMEYCIQCLiuFi4L7D+9x5jRL2pXNMmOI4tiNJrr7KEqLr5O8b
        9AIhAJE/1BIPQhSvJCrLoMTiZsaEHmBI9cOOi5DQ6jx+fM6G
        -----END CERTIFICATE REQUEST-----
        """;

    public const string CrlPem = """
        -----BEGIN X509 CRL-----
        MIIB/zCB6AIBATANBgkqhkiG9w0BAQsFADBYMQswCQYDVQQGEwJVUzELMAkGA1UE
        CAwCSUwxEDAOBgNVBAcMB0NoaWNhZ28xEDAOBgNVBAoMB1Rlc3RpbmcxGDAWBgNV
        BAMMD1Rlc3RpbmcgUm9vdCBDQRcNMjYxMTIzMTM1MzM2WhcNMjYxMjIzMTM1MzM2
        WjAqMCgCCQEjRWeJq83vARcNMjYxMTIzMTM1MzM2WjAMMAoGA1UdFQQDCgEBoDAw
        LjAfBgNVHSMEGDAWgBRHMnYNSLpba65uAxb9VAAnJopO8DALBgNVHRQEBAICEAAw
        DQYJKoZIhvcNAQELBQADggEBAJj8LUKfpnj5/dMnm5IheVSh0acz8DKRwjRStdG9
        eR+8uGMIA+Lnl9mmnd1L7Ev+b4A0k8SbzyjjmPYW68JGYdV3A6tDKQUgR5ZYTRIK
        Znc6Fz9CoqVMGlrcf8M7nEtZCz/nVpQx2J2dWTAmrvlCASyz5iNOnTX0F3VBbDYh
        nu0EkneyuF95X7IJLrQ+8Fo80BexxEEP6PfFOuitOSLDyWVAbJltf3945p2xNOW9
        8F4WP8JKsWzQDui20xxLdKaPHevyA0D2AoUt6QDpGL5Y4CeUdypFjHnwDiL837Jx
        BuX7jQAYrbRm2k+mtL1emfjm1Qgb002Rj1HCcEj1uepTdhg=
        -----END X509 CRL-----
        """;

    public static byte[] Bytes(string pem) => System.Text.Encoding.ASCII.GetBytes(pem + "\n");
}
