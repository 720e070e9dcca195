using System.Numerics;
using ManagedTls.Asn1;

namespace ManagedTls.X509.Verification;

/// <summary>RFC 5280 §6.1 certificate policy processing (the valid_policy_tree), over the path without its trust anchor.</summary>
internal static class PolicyProcessor
{
    private sealed class Node(string policy, HashSet<string> expected, Node? parent)
    {
        public string Policy { get; } = policy;

        public HashSet<string> Expected { get; set; } = expected;

        public Node? Parent { get; } = parent;

        public int Children { get; set; }
    }

    public static Failure? Check(Certificate[] chain, VerificationOptions options)
    {
        int n = chain.Length - 1; // the anchor is not part of the RFC path
        if (n == 0)
        {
            return null;
        }

        int explicitPolicy = options.Has(X509VerifyFlags.ExplicitPolicy) ? 0 : n + 1;
        int inhibitAny = options.Has(X509VerifyFlags.InhibitAny) ? 0 : n + 1;
        int policyMapping = options.Has(X509VerifyFlags.InhibitMap) ? 0 : n + 1;

        // The anchor's own constraints (OpenSSL applies a trusted certificate's policyConstraints too).
        Certificate anchor = chain[n];
        ApplyConstraints(anchor, ref explicitPolicy, ref policyMapping, ref inhibitAny, out _);

        List<Node>? level = [new Node(Oids.AnyPolicy, [Oids.AnyPolicy], null)];
        var levels = new List<List<Node>> { level };
        for (int i = 1; i <= n; i++)
        {
            Certificate certificate = chain[n - i];
            int depth = n - i;
            Failure Fail(X509VerifyError error, string? detail = null) => new(error, depth, certificate, chain, detail);
            CertificatePolicies? policies;
            PolicyMappings? mappings;
            try
            {
                policies = certificate.GetCertificatePolicies();
                mappings = certificate.GetPolicyMappings();
            }
            catch (X509FormatException e)
            {
                return Fail(X509VerifyError.InvalidPolicyExtension, e.Message);
            }

            if (policies is not null && HasDuplicates(policies))
            {
                return Fail(X509VerifyError.InvalidPolicyExtension, "repeated policy identifier");
            }

            bool selfIssued = ChainVerifier.IsSelfIssued(certificate);
            if (level is not null && policies is not null)
            {
                var next = new List<Node>();
                bool hasAny = false;
                foreach (PolicyInformation info in policies.Policies)
                {
                    if (info.PolicyId == Oids.AnyPolicy)
                    {
                        hasAny = true;
                        continue;
                    }

                    bool matched = false;
                    foreach (Node parent in level)
                    {
                        if (parent.Expected.Contains(info.PolicyId))
                        {
                            next.Add(Child(parent, info.PolicyId, [info.PolicyId]));
                            matched = true;
                        }
                    }

                    if (!matched)
                    {
                        foreach (Node parent in level)
                        {
                            if (parent.Policy == Oids.AnyPolicy)
                            {
                                next.Add(Child(parent, info.PolicyId, [info.PolicyId]));
                                break;
                            }
                        }
                    }
                }

                if (hasAny && (inhibitAny > 0 || (i < n && selfIssued)))
                {
                    foreach (Node parent in level)
                    {
                        foreach (string expected in parent.Expected)
                        {
                            if (!next.Exists(node => node.Parent == parent && node.Policy == expected) && !next.Exists(node => node.Policy == expected))
                            {
                                next.Add(Child(parent, expected, [expected]));
                            }
                        }
                    }
                }

                level = next.Count == 0 ? null : next;
                if (level is not null)
                {
                    levels.Add(level);
                    Prune(levels);
                }
            }
            else
            {
                level = null;
            }

            if (explicitPolicy <= 0 && level is null)
            {
                // OpenSSL reports a failed policy check once for the whole chain, at depth 0 (X509_policy_check).
                return new Failure(X509VerifyError.NoExplicitPolicy, 0, chain[0], chain, null);
            }

            if (i == n)
            {
                if (explicitPolicy > 0)
                {
                    explicitPolicy--;
                }

                PolicyConstraints? leafConstraints = PathValidator.TryGet(certificate.GetPolicyConstraints);
                if (leafConstraints?.RequireExplicitPolicy is { } r && r.IsZero)
                {
                    explicitPolicy = 0;
                }

                break;
            }

            if (mappings is not null)
            {
                foreach (PolicyMapping mapping in mappings.Mappings)
                {
                    if (mapping.IssuerDomainPolicy == Oids.AnyPolicy || mapping.SubjectDomainPolicy == Oids.AnyPolicy)
                    {
                        return Fail(X509VerifyError.InvalidPolicyExtension, "anyPolicy in policyMappings");
                    }
                }

                if (level is not null)
                {
                    level = ApplyMappings(level, levels, mappings, policyMapping > 0);
                }
            }

            if (!selfIssued)
            {
                if (explicitPolicy > 0)
                {
                    explicitPolicy--;
                }

                if (policyMapping > 0)
                {
                    policyMapping--;
                }

                if (inhibitAny > 0)
                {
                    inhibitAny--;
                }
            }

            ApplyConstraints(certificate, ref explicitPolicy, ref policyMapping, ref inhibitAny, out string? error);
            if (error is not null)
            {
                return Fail(X509VerifyError.InvalidPolicyExtension, error);
            }
        }

        if (explicitPolicy > 0 && options.InitialPolicies.Count == 0)
        {
            return null;
        }

        // §6.1.5 (g): intersect with the user-initial-policy-set, compared in the anchor's domain.
        bool acceptable = false;
        if (level is not null)
        {
            if (options.InitialPolicies.Count == 0 || options.InitialPolicies.Contains(Oids.AnyPolicy))
            {
                acceptable = true;
            }
            else
            {
                foreach (Node node in level)
                {
                    Node top = node;
                    while (top.Parent is not null && top.Parent.Policy != Oids.AnyPolicy)
                    {
                        top = top.Parent;
                    }

                    if (top.Policy == Oids.AnyPolicy || options.InitialPolicies.Contains(top.Policy))
                    {
                        acceptable = true;
                        break;
                    }
                }
            }
        }

        if (!acceptable && (explicitPolicy <= 0 || options.InitialPolicies.Count > 0))
        {
            return new Failure(X509VerifyError.NoExplicitPolicy, 0, chain[0], chain, null);
        }

        return null;
    }

    private static Node Child(Node parent, string policy, HashSet<string> expected)
    {
        parent.Children++;
        return new Node(policy, expected, parent);
    }

    private static bool HasDuplicates(CertificatePolicies policies)
    {
        var seen = new HashSet<string>();
        foreach (PolicyInformation info in policies.Policies)
        {
            if (!seen.Add(info.PolicyId))
            {
                return true;
            }
        }

        return false;
    }

    private static List<Node>? ApplyMappings(List<Node> level, List<List<Node>> levels, PolicyMappings mappings, bool mappingAllowed)
    {
        var map = new Dictionary<string, HashSet<string>>();
        foreach (PolicyMapping mapping in mappings.Mappings)
        {
            if (!map.TryGetValue(mapping.IssuerDomainPolicy, out HashSet<string>? set))
            {
                map[mapping.IssuerDomainPolicy] = set = [];
            }

            set.Add(mapping.SubjectDomainPolicy);
        }

        if (!mappingAllowed)
        {
            level.RemoveAll(node =>
            {
                if (map.ContainsKey(node.Policy))
                {
                    node.Parent!.Children--;
                    return true;
                }

                return false;
            });
            levels[^1] = level;
            Prune(levels);
            return level.Count == 0 ? null : level;
        }

        Node? any = level.Find(node => node.Policy == Oids.AnyPolicy);
        foreach ((string issuerPolicy, HashSet<string> subjects) in map)
        {
            bool found = false;
            foreach (Node node in level)
            {
                if (node.Policy == issuerPolicy)
                {
                    node.Expected = subjects;
                    found = true;
                }
            }

            if (!found && any is not null)
            {
                level.Add(Child(any.Parent!, issuerPolicy, subjects));
            }
        }

        return level;
    }

    private static void Prune(List<List<Node>> levels)
    {
        for (int depth = levels.Count - 2; depth >= 0; depth--)
        {
            levels[depth].RemoveAll(node =>
            {
                if (node.Children == 0)
                {
                    if (node.Parent is not null)
                    {
                        node.Parent.Children--;
                    }

                    return true;
                }

                return false;
            });
        }
    }

    private static void ApplyConstraints(Certificate certificate, ref int explicitPolicy, ref int policyMapping, ref int inhibitAny, out string? error)
    {
        error = null;
        try
        {
            if (certificate.GetPolicyConstraints() is { } constraints)
            {
                if (constraints.RequireExplicitPolicy is null && constraints.InhibitPolicyMapping is null)
                {
                    error = "empty policyConstraints (RFC 5280 4.2.1.11)";
                    return;
                }

                if (constraints.RequireExplicitPolicy is { } r && r < explicitPolicy)
                {
                    explicitPolicy = (int)r;
                }

                if (constraints.InhibitPolicyMapping is { } m && m < policyMapping)
                {
                    policyMapping = (int)m;
                }
            }

            if (certificate.GetInhibitAnyPolicy() is { } inhibit && inhibit.SkipCerts < inhibitAny)
            {
                inhibitAny = (int)inhibit.SkipCerts;
            }
        }
        catch (X509FormatException e)
        {
            error = e.Message;
        }
    }
}
