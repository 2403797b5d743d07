namespace EventSync.Cli.Classify;

/// <summary>What one chunk gave: the output lines, the lines it could not take (number and reason), and how many it classified.</summary>
internal sealed record ClassifiedChunk(PooledBufferWriter Output, IReadOnlyList<LineProblem> Problems, int Classified);
