using ManagedTls.Crypto;
using ManagedTls.Tls;
using ManagedTls.Tls.Record;

namespace ManagedTls.Tests.Tls.Record;

/// <summary>
/// The record layer's hot path (write, drain, feed, read) allocates nothing per record: buffers are pooled and
/// records are sealed and opened in place. A toy AEAD stands in for the provider's so only the layer is measured.
/// </summary>
public class RecordLayerAllocationTests
{
    /// <summary>Not a cipher: XOR with a byte and a 16-byte checksum tag, allocation-free.</summary>
    private sealed class ToyAead : IAead
    {
        public AeadAlgorithmId Algorithm => AeadAlgorithmId.Aes128Gcm;

        public int KeySize => 16;

        public int NonceSize => 12;

        public int TagSize => 16;

        public void Seal(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData, Span<byte> ciphertext, Span<byte> tag)
        {
            byte sum = Sum(nonce, associatedData);
            for (int i = 0; i < plaintext.Length; i++)
            {
                sum += plaintext[i];
                ciphertext[i] = (byte)(plaintext[i] ^ 0x5A);
            }

            tag.Fill(sum);
        }

        public bool TryOpen(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> tag, ReadOnlySpan<byte> associatedData, Span<byte> plaintext)
        {
            byte sum = Sum(nonce, associatedData);
            for (int i = 0; i < ciphertext.Length; i++)
            {
                plaintext[i] = (byte)(ciphertext[i] ^ 0x5A);
                sum += plaintext[i];
            }

            foreach (byte b in tag)
            {
                if (b != sum)
                {
                    plaintext.Clear();
                    return false;
                }
            }

            return true;
        }

        public void Dispose()
        {
        }

        private static byte Sum(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
        {
            byte sum = 0;
            foreach (byte x in a)
            {
                sum += x;
            }

            foreach (byte x in b)
            {
                sum += x;
            }

            return sum;
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Steady_state_records_allocate_nothing(bool tls13)
    {
        RecordProtection Make() => tls13 ? new Tls13AeadProtection(new ToyAead(), new byte[12]) : new Tls12AeadProtection(new ToyAead(), new byte[4]);
        using var writer = new RecordLayer();
        using var reader = new RecordLayer();
        writer.SetWriteProtection(Make());
        reader.SetReadProtection(Make());
        byte[] data = new byte[16384];
        data.AsSpan().Fill(7);
        byte[] wire = new byte[RecordLayer.MaxRecordLength];
        long received = 0;

        void OneRecord()
        {
            writer.Write(TlsContentType.ApplicationData, data);
            int n = writer.Drain(wire);
            // No Shouldly inside the measured loop: its assertions allocate.
            if (reader.Feed(wire.AsSpan(0, n)) != n || !reader.TryReadRecord(out _, out ReadOnlyMemory<byte> payload))
            {
                throw new InvalidOperationException("a record did not come through");
            }

            received += payload.Length;
        }

        OneRecord(); // rents the pooled buffers
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            OneRecord();
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        received.ShouldBe(1001L * 16384);
        allocated.ShouldBe(0L);
    }
}
