namespace ManagedTls.Tests.TestSupport;

/// <summary>
/// Locates <c>../shared/vectors</c> beside the repository (never copied into it). Tests that need it call
/// <see cref="Require"/>, which skips with the reason printed when the folder is absent (a user's fresh clone).
/// </summary>
internal static class SharedVectors
{
    private static readonly Lazy<string?> s_root = new(FindRoot);

    /// <summary>The repository root (the folder holding ManagedTls.sln).</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The vectors folder, or null when absent.</summary>
    public static string? Root => s_root.Value;

    /// <summary>Returns the full path of <paramref name="relative"/> under the vectors folder, or skips the test.</summary>
    public static string Require(string relative)
    {
        Skip.If(Root is null, $"../shared/vectors not found beside {RepositoryRoot}; this test reads shared conformance data.");
        string path = Path.Combine(Root!, relative);
        Skip.IfNot(File.Exists(path) || Directory.Exists(path), $"{path} is missing from the shared vectors.");
        return path;
    }

    private static string? FindRoot()
    {
        // MANAGEDTLS_VECTORS overrides; otherwise the nearest "shared/vectors" beside the repository or an ancestor
        // of it (a git worktree under another folder still finds the shared data).
        string? configured = Environment.GetEnvironmentVariable("MANAGEDTLS_VECTORS");
        if (!string.IsNullOrEmpty(configured))
        {
            return Directory.Exists(configured) ? Path.GetFullPath(configured) : null;
        }

        for (DirectoryInfo? dir = new DirectoryInfo(RepositoryRoot).Parent; dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "vectors");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static string FindRepositoryRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ManagedTls.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"ManagedTls.sln not found above {AppContext.BaseDirectory}.");
    }
}
