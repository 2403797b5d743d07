using System.Threading.Channels;
using EventSync.Core.Classification;

namespace EventSync.Cli.Classify;

/// <summary>
/// Classifies a JSON Lines stream of <see cref="EventSync.Contracts.SyncFailureReported"/>: chunks of lines are
/// classified in parallel and written back in input order, one output line per event; every line that cannot be
/// taken is reported on the error writer with its number and the reason. Blank lines are passed over.
/// </summary>
internal sealed class JsonLinesClassifier(ISyncFailureClassifier classifier, bool explain = false)
{
    private readonly ChunkClassifier _chunks = new(classifier, explain);

    public async Task<ClassifySummary> RunAsync(Stream input, Stream output, TextWriter errors, CancellationToken cancellationToken)
    {
        // Chunks in flight, in input order: enough to keep every core busy, few enough to bound memory.
        var inFlight = Channel.CreateBounded<Task<ClassifiedChunk>>(new BoundedChannelOptions(Environment.ProcessorCount * 2)
        {
            SingleReader = true,
            SingleWriter = true,
        });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var writing = WriteInOrderAsync(inFlight.Reader, output, errors, stop, cancellationToken);
        var reader = new JsonLinesChunkReader(input);
        try
        {
            while (await reader.ReadAsync(stop.Token) is { } chunk)
            {
                await inFlight.Writer.WriteAsync(Task.Run(() => ClassifyAndReturn(chunk), stop.Token), stop.Token);
            }
        }
        catch (OperationCanceledException) when (writing.IsFaulted)
        {
            // The writer failed and stopped reading: its exception is the one to report, below.
        }
        finally
        {
            inFlight.Writer.Complete();
        }

        return await writing;
    }

    private ClassifiedChunk ClassifyAndReturn(JsonLinesChunk chunk)
    {
        try
        {
            return _chunks.Classify(chunk);
        }
        finally
        {
            chunk.Return();
        }
    }

    private static async Task<ClassifySummary> WriteInOrderAsync(
        ChannelReader<Task<ClassifiedChunk>> chunks, Stream output, TextWriter errors, CancellationTokenSource stop, CancellationToken cancellationToken)
    {
        try
        {
            return await WriteInOrderAsync(chunks, output, errors, cancellationToken);
        }
        catch
        {
            await stop.CancelAsync();
            throw;
        }
    }

    private static async Task<ClassifySummary> WriteInOrderAsync(
        ChannelReader<Task<ClassifiedChunk>> chunks, Stream output, TextWriter errors, CancellationToken cancellationToken)
    {
        var classified = 0;
        var rejected = 0;
        await foreach (var pending in chunks.ReadAllAsync(cancellationToken))
        {
            var chunk = await pending;
            using (chunk.Output)
            {
                await output.WriteAsync(chunk.Output.WrittenMemory, cancellationToken);
            }

            foreach (var problem in chunk.Problems)
            {
                await errors.WriteLineAsync($"line {problem.LineNumber}: {problem.Reason}");
            }

            classified += chunk.Classified;
            rejected += chunk.Problems.Count;
        }

        await output.FlushAsync(cancellationToken);
        if (rejected > 0)
        {
            await errors.WriteLineAsync($"{classified} classified, {rejected} rejected.");
        }

        return new ClassifySummary(classified, rejected);
    }
}
