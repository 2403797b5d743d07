using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using EventSync.Contracts;
using EventSync.Core.Classification;
using EventSync.Core.Validation;

namespace EventSync.Cli.Classify;

/// <summary>Classifies the lines of one chunk: parse, validate, classify, write one output line per event.</summary>
internal sealed class ChunkClassifier(ISyncFailureClassifier classifier, bool explain)
{
    public ClassifiedChunk Classify(JsonLinesChunk chunk)
    {
        var bytes = chunk.Bytes;
        var output = new PooledBufferWriter(Math.Max(bytes.Length + (bytes.Length / 4), 256));
        using var lineWriter = new ClassifiedLineWriter(output);
        var problems = new List<LineProblem>();
        var classified = 0;
        var lineNumber = chunk.FirstLineNumber;
        while (!bytes.IsEmpty)
        {
            var end = bytes.IndexOf((byte)'\n');
            var line = end < 0 ? bytes : bytes[..end];
            bytes = end < 0 ? [] : bytes[(end + 1)..];
            if (!IsBlank(line))
            {
                if (TryRead(line, out var failure, out var reason))
                {
                    lineWriter.Write(failure, classifier.Classify(failure), explain ? classifier : null);
                    classified++;
                }
                else
                {
                    problems.Add(new LineProblem(lineNumber, reason));
                }
            }

            lineNumber++;
        }

        return new ClassifiedChunk(output, problems, classified);
    }

    private static bool TryRead(ReadOnlySpan<byte> line, out SyncFailureReported failure, out string reason)
    {
        failure = null!;
        try
        {
            // Invalid UTF-8 is read as the replacement character, as a text reader would, instead of refusing the line.
            var parsed = Utf8.IsValid(line)
                ? JsonSerializer.Deserialize<SyncFailureReported>(line, ContractJson.Options)
                : JsonSerializer.Deserialize<SyncFailureReported>(Encoding.UTF8.GetString(line), ContractJson.Options);
            if (parsed is null)
            {
                reason = "expected a JSON object, found null.";
                return false;
            }

            var problems = SyncFailureValidator.Validate(parsed);
            reason = string.Join("; ", problems);
            failure = parsed;
            return problems.Count == 0;
        }
        catch (JsonException e)
        {
            reason = JsonProblem.Describe(e);
            return false;
        }
    }

    private static bool IsBlank(ReadOnlySpan<byte> line) => line.IndexOfAnyExcept(" \t\r\f\v"u8) < 0;
}
