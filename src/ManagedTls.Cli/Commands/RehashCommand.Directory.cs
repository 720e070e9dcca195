using ManagedTls.Crypto;
using ManagedTls.Pem;
using ManagedTls.X509;

namespace ManagedTls.Cli;

/// <summary><c>mtls rehash</c>'s work on one directory: rehash.c's <c>do_dir</c>, <c>do_file</c> and <c>add_entry</c>.</summary>
internal sealed partial class RehashCommand
{
    private sealed class DirectoryRun(string directory, Settings settings, CommandContext context)
    {
        // rehash.c keeps 257 chains of buckets, each new bucket at the head of its chain; the links come out in that order.
        private readonly List<Bucket>?[] _table = new List<Bucket>?[TableSize];
        private int _errors;

        public int Run()
        {
            if (!Directory.Exists(directory))
            {
                context.Error.WriteLine($"Skipping {directory}, can't write");
                return 1;
            }

            if (settings.Verbose)
            {
                context.Out.WriteLine($"Doing {directory}");
            }

            // rehash.c sorts the names (strcmp) before reading them: which of two copies wins depends on it.
            string[] paths = Directory.GetFileSystemEntries(directory);
            Array.Sort(paths, StringComparer.Ordinal);
            foreach (string path in paths)
            {
                string name = Path.GetFileName(path);
                FileSystemInfo info = new FileInfo(path);
                if (info.LinkTarget is { } target && TryParseHashName(name, out uint hash, out bool isCrl, out int id))
                {
                    Add(isCrl, hash, target, digest: null, needLink: false, id);
                    continue;
                }

                AddFile(name, path);
            }

            WriteLinks();
            return _errors;
        }

        private void AddFile(string name, string path)
        {
            int dot = name.LastIndexOf('.');
            if (dot < 0 || Array.IndexOf(s_extensions, name[(dot + 1)..].ToLowerInvariant()) < 0 || Directory.Exists(path))
            {
                return;
            }

            byte[] data;
            try
            {
                data = File.ReadAllBytes(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                context.Error.WriteLine($"rehash: error: skipping {name}, cannot open file");
                _errors++;
                return;
            }

            // PEM_X509_INFO_read_bio: certificates and CRLs; one that does not decode makes the whole file unreadable (skipped quietly).
            var certificates = new List<Certificate>();
            var crls = new List<CertificateRevocationList>();
            try
            {
                foreach (PemBlock block in PemReader.ReadAll(data))
                {
                    if (block.Label is PemLabels.Certificate or PemLabels.TrustedCertificate or "X509 CERTIFICATE")
                    {
                        certificates.Add(Certificate.Decode(block.Data.Span));
                    }
                    else if (block.Label == PemLabels.X509Crl)
                    {
                        crls.Add(CertificateRevocationList.Decode(block.Data.Span));
                    }
                }
            }
            catch (Exception e) when (e is X509FormatException or PemException or Asn1.DecodeException)
            {
                return;
            }

            if (certificates.Count + crls.Count != 1)
            {
                context.Error.WriteLine($"rehash: warning: skipping {name},it does not contain exactly one certificate or CRL");
                return;
            }

            bool isCrl = crls.Count == 1;
            DistinguishedName subject = isCrl ? crls[0].Issuer : certificates[0].Subject;
            byte[] digest = isCrl ? crls[0].GetDigest(HashAlgorithmId.Sha1) : certificates[0].GetDigest(HashAlgorithmId.Sha1);
            if (settings.NewHash)
            {
                Add(isCrl, subject.OpenSslHash, name, digest, needLink: true, ushort.MaxValue);
            }

            if (settings.OldHash)
            {
                Add(isCrl, subject.OpenSslHashOld, name, digest, needLink: true, ushort.MaxValue);
            }
        }

        // add_entry: one bucket per (type, hash); a repeated digest is a duplicate; a link and its target share an entry.
        private void Add(bool isCrl, uint hash, string fileName, byte[]? digest, bool needLink, int oldId)
        {
            int index = (int)(((isCrl ? 1u : 0u) + hash) % TableSize);
            List<Bucket> chain = _table[index] ??= [];
            Bucket? bucket = chain.Find(b => b.IsCrl == isCrl && b.Hash == hash);
            if (bucket is null)
            {
                bucket = new Bucket(isCrl, hash);
                chain.Insert(0, bucket);
            }

            Entry? found = null;
            foreach (Entry entry in bucket.Entries)
            {
                if (digest is not null && entry.Digest is not null && digest.AsSpan().SequenceEqual(entry.Digest))
                {
                    context.Error.WriteLine($"rehash: warning: skipping duplicate {(isCrl ? "CRL" : "certificate")} in {fileName}");
                    return;
                }

                if (entry.FileName == fileName)
                {
                    found = entry;
                    if (digest is null)
                    {
                        break;
                    }
                }
            }

            if (found is null)
            {
                if (bucket.Needed >= MaxCollisions)
                {
                    context.Error.WriteLine($"rehash: error: hash table overflow for {fileName}");
                    _errors++;
                    return;
                }

                found = new Entry(fileName);
                bucket.Entries.Add(found);
            }

            found.OldId = Math.Min(found.OldId, oldId);
            if (needLink && !found.NeedLink)
            {
                found.NeedLink = true;
                found.Digest = digest;
                bucket.Needed++;
            }
        }

        private void WriteLinks()
        {
            foreach (List<Bucket>? chain in _table)
            {
                if (chain is null)
                {
                    continue;
                }

                foreach (Bucket bucket in chain)
                {
                    WriteBucket(bucket);
                }
            }
        }

        private void WriteBucket(Bucket bucket)
        {
            var used = new bool[MaxCollisions + 1];
            foreach (Entry entry in bucket.Entries)
            {
                if (entry.OldId < bucket.Needed)
                {
                    used[entry.OldId] = true;
                }
            }

            int nextId = 0;
            foreach (Entry entry in bucket.Entries)
            {
                if (entry.OldId < bucket.Needed)
                {
                    Verbose($"link {entry.FileName} -> {bucket.LinkName(entry.OldId)}");
                }
                else if (entry.NeedLink)
                {
                    while (used[nextId])
                    {
                        nextId++;
                    }

                    string link = bucket.LinkName(nextId);
                    Verbose($"link {entry.FileName} -> {link}");
                    Replace(Path.Combine(directory, link), entry.FileName);
                    used[nextId] = true;
                }
                else if (settings.RemoveLinks)
                {
                    string link = bucket.LinkName(entry.OldId);
                    Verbose($"unlink {link}");
                    Delete(Path.Combine(directory, link));
                }
            }
        }

        private void Replace(string link, string target)
        {
            Delete(link);
            try
            {
                File.CreateSymbolicLink(link, target);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                context.Error.WriteLine($"rehash: Can't symlink {target}, {e.Message}");
                _errors++;
            }
        }

        private void Delete(string path)
        {
            try
            {
                File.Delete(path); // removes the link itself; a missing file is not an error (ENOENT)
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                context.Error.WriteLine($"rehash: Can't unlink {path}, {e.Message}");
                _errors++;
            }
        }

        private void Verbose(string line)
        {
            if (settings.Verbose)
            {
                context.Out.WriteLine(line);
            }
        }
    }
}
