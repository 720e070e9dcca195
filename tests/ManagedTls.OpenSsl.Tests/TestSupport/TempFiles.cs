namespace ManagedTls.OpenSsl.Tests.TestSupport;

/// <summary>A per-process temporary folder for files handed to the openssl binary; deleted at process exit.</summary>
internal static class TempFiles
{
    private static readonly Lazy<string> s_root = new(() =>
    {
        string root = Path.Combine(Path.GetTempPath(), "mtls-facade-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
            }
        };
        return root;
    });

    /// <summary>A fresh path in the folder (the file does not exist yet).</summary>
    public static string NewPath(string extension) => Path.Combine(s_root.Value, Guid.NewGuid().ToString("N") + extension);

    /// <summary>Writes <paramref name="content"/> to a fresh file and returns its path.</summary>
    public static string Write(byte[] content, string extension = ".bin")
    {
        string path = NewPath(extension);
        File.WriteAllBytes(path, content);
        return path;
    }
}
