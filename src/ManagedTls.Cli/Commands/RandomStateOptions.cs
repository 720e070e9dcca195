using ManagedTls.OpenSsl;

namespace ManagedTls.Cli;

/// <summary>
/// openssl's "Random state" options (<c>-rand</c>, <c>-writerand</c>) for the key verbs, through <see cref="Rand"/>:
/// <c>-rand</c> mixes the named files (':'-separated) into <see cref="Random.SecureRandomSource"/>, <c>-writerand</c>
/// writes 1024 random bytes to a file, with <c>openssl rand</c>'s messages on failure.
/// </summary>
internal static class RandomStateOptions
{
    /// <summary>Declares the "Random state" section.</summary>
    /// <param name="options">The options.</param>
    /// <returns><paramref name="options"/>.</returns>
    public static WildcardOptions RandomState(this WildcardOptions options) => options
        .Section("Random state")
        .Value("rand", "val", "Load the given file(s) into the random number generator", Load)
        .Value("writerand", "outfile", "Write random data to the specified file", Write);

    private static void Load(string list)
    {
        char separator = OperatingSystem.IsWindows() ? ';' : ':';
        foreach (string name in list.Split(separator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (!File.Exists(name))
            {
                throw new CommandException($"Can't load {name} into RNG\nerror:12000079:random number generator:RAND_load_file:Cannot open file:Filename={name}");
            }

            Rand.LoadFile(name);
        }
    }

    private static void Write(string path)
    {
        if (Rand.WriteFile(path) <= 0)
        {
            throw new CommandException($"Cannot write random bytes:\nerror:12000079:random number generator:RAND_write_file:Cannot open file:Filename={path}");
        }
    }
}
