using System.Buffers;

namespace EventSync.Cli.Classify;

/// <summary>
/// Whole lines of a JSON Lines input in a rented buffer: the first <c>length</c> bytes of it, the first of them
/// line <see cref="FirstLineNumber"/> of the input. <see cref="Return"/> gives the buffer back once the chunk is done.
/// </summary>
internal sealed class JsonLinesChunk(byte[] buffer, int length, int firstLineNumber)
{
    public ReadOnlySpan<byte> Bytes => buffer.AsSpan(0, length);

    public int FirstLineNumber { get; } = firstLineNumber;

    public void Return() => ArrayPool<byte>.Shared.Return(buffer);
}
