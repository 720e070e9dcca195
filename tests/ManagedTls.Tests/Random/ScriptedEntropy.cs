using ManagedTls.Random;

namespace ManagedTls.Tests.Random;

/// <summary>
/// A replayable entropy source for DRBG tests: hands out the scripted bytes in order, then (if allowed) a
/// deterministic counter stream or the real OS; records how many bytes each call took.
/// </summary>
internal sealed class ScriptedEntropy
{
    private readonly byte[] _script;
    private readonly bool _thenOs;
    private int _offset;
    private byte _counter;

    public ScriptedEntropy(string hex = "", bool thenOs = false)
    {
        _script = Convert.FromHexString(hex);
        _thenOs = thenOs;
    }

    public List<int> Calls { get; } = [];

    public EntropySource Source => Fill;

    private void Fill(Span<byte> destination)
    {
        Calls.Add(destination.Length);
        int fromScript = Math.Min(destination.Length, _script.Length - _offset);
        _script.AsSpan(_offset, fromScript).CopyTo(destination);
        _offset += fromScript;
        Span<byte> rest = destination[fromScript..];
        if (_thenOs)
        {
            OsEntropy.Fill(rest);
            return;
        }

        for (int i = 0; i < rest.Length; i++)
        {
            rest[i] = _counter++;
        }
    }
}

/// <summary>A clock the test moves by hand.</summary>
internal sealed class ManualTimeProvider : TimeProvider
{
    public long Ticks { get; set; }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Ticks;

    public void Advance(TimeSpan by) => Ticks += by.Ticks;
}
