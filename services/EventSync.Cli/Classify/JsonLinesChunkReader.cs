using System.Buffers;

namespace EventSync.Cli.Classify;

/// <summary>
/// Cuts a UTF-8 stream into chunks of whole lines, about <see cref="ChunkBytes"/> each (a longer line makes its chunk
/// longer), so that chunks can be classified in parallel and written back in order. A UTF-8 byte order mark is skipped.
/// </summary>
internal sealed class JsonLinesChunkReader(Stream input)
{
    public const int ChunkBytes = 256 * 1024;

    private byte[] _carry = [];
    private int _carryLength;
    private int _nextLineNumber = 1;
    private bool _atStart = true;
    private bool _ended;

    public async ValueTask<JsonLinesChunk?> ReadAsync(CancellationToken cancellationToken)
    {
        if (_ended && _carryLength == 0)
        {
            return null;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(ChunkBytes, _carryLength * 2));
        _carry.AsSpan(0, _carryLength).CopyTo(buffer);
        var length = _carryLength;
        var lastNewLine = -1;
        while (!_ended)
        {
            if (length == buffer.Length)
            {
                buffer = Grow(buffer, length);
            }

            var read = await input.ReadAsync(buffer.AsMemory(length), cancellationToken);
            if (read == 0)
            {
                _ended = true;
                break;
            }

            var searchFrom = length;
            length += read;
            lastNewLine = buffer.AsSpan(searchFrom, length - searchFrom).LastIndexOf((byte)'\n') is var at and >= 0 ? searchFrom + at : lastNewLine;
            if (lastNewLine >= 0 && length >= ChunkBytes / 2)
            {
                break;
            }
        }

        var end = _ended ? length : lastNewLine + 1;
        KeepCarry(buffer.AsSpan(end, length - end));
        var start = SkipByteOrderMark(buffer.AsSpan(0, end));
        if (start > 0)
        {
            buffer.AsSpan(start, end - start).CopyTo(buffer);
            end -= start;
        }

        var chunk = new JsonLinesChunk(buffer, end, _nextLineNumber);
        _nextLineNumber += buffer.AsSpan(0, end).Count((byte)'\n');
        return chunk;
    }

    private int SkipByteOrderMark(ReadOnlySpan<byte> bytes)
    {
        var skip = _atStart && bytes.StartsWith("\uFEFF"u8) ? 3 : 0;
        _atStart = false;
        return skip;
    }

    private void KeepCarry(ReadOnlySpan<byte> rest)
    {
        if (_carry.Length < rest.Length)
        {
            _carry = new byte[Math.Max(rest.Length, ChunkBytes)];
        }

        rest.CopyTo(_carry);
        _carryLength = rest.Length;
    }

    private static byte[] Grow(byte[] buffer, int length)
    {
        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
        buffer.AsSpan(0, length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }
}
