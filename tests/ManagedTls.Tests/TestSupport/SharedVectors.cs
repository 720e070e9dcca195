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
        string candidate = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "vectors"));
        return Directory.Exists(candidate) ? candidate : null;
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
