namespace ManagedTls.Tests.Keys;

/// <summary>Deterministic byte-level mutations for robustness tests (flip, set, insert, delete, truncate).</summary>
internal static class KeyMutation
{
    public static byte[] Mutate(byte[] original, System.Random random)
    {
        var bytes = new List<byte>(original);
        int edits = 1 + random.Next(3);
        for (int i = 0; i < edits && bytes.Count > 0; i++)
        {
            int at = random.Next(bytes.Count);
            switch (random.Next(5))
            {
                case 0:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 2:
                    bytes.Insert(at, (byte)random.Next(256));
                    break;
                case 3:
                    bytes.RemoveAt(at);
                    break;
                default:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
            }
        }

        return [.. bytes];
    }
}
