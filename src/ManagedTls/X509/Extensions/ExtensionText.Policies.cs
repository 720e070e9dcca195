using System.Text;

namespace ManagedTls.X509;

/// <content>The i2r printer of certificatePolicies (v3_cpols.c).</content>
internal static partial class ExtensionText
{
    private static string FormatPolicies(CertificatePolicies policies, int indent)
    {
        var text = new StringBuilder();
        for (int i = 0; i < policies.Policies.Count; i++)
        {
            if (i > 0)
            {
                text.Append('\n');
            }

            PolicyInformation policy = policies.Policies[i];
            text.Append(' ', indent).Append("Policy: ").Append(DisplayName(policy.PolicyId));
            if (policy.Qualifiers is not null)
            {
                text.Append('\n');
                AppendQualifiers(text, policy.Qualifiers, indent + 2);
            }
        }

        return text.ToString();
    }

    private static void AppendQualifiers(StringBuilder text, IReadOnlyList<PolicyQualifier> qualifiers, int indent)
    {
        for (int i = 0; i < qualifiers.Count; i++)
        {
            if (i > 0)
            {
                text.Append('\n');
            }

            PolicyQualifier qualifier = qualifiers[i];
            if (qualifier.CpsUri is not null)
            {
                text.Append(' ', indent).Append("CPS: ").Append(DisplayTextCodec.Printed(System.Text.Encoding.Latin1.GetBytes(qualifier.CpsUri)));
            }
            else if (qualifier.UserNotice is not null)
            {
                text.Append(' ', indent).Append("User Notice:\n");
                AppendNotice(text, qualifier.UserNotice, indent + 2);
            }
            else
            {
                text.Append(' ', indent + 2).Append("Unknown Qualifier: ").Append(DisplayName(qualifier.QualifierId));
            }
        }
    }

    private static void AppendNotice(StringBuilder text, UserNotice notice, int indent)
    {
        if (notice.Reference is { } reference)
        {
            text.Append(' ', indent).Append("Organization: ").Append(DisplayTextCodec.Printed(reference.OrganizationOctets)).Append('\n');
            text.Append(' ', indent).Append(reference.NoticeNumbers.Count > 1 ? "Numbers: " : "Number: ");
            for (int i = 0; i < reference.NoticeNumbers.Count; i++)
            {
                text.Append(i > 0 ? ", " : string.Empty).Append(FormatAsn1Integer(reference.NoticeNumbers[i]));
            }

            if (notice.ExplicitTextOctets is not null)
            {
                text.Append('\n');
            }
        }

        if (notice.ExplicitTextOctets is { } octets)
        {
            text.Append(' ', indent).Append("Explicit Text: ").Append(DisplayTextCodec.Printed(octets));
        }
    }
}
