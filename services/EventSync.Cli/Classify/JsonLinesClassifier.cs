using System.Text.Json;
using EventSync.Contracts;
using EventSync.Core.Classification;
using EventSync.Core.Validation;

namespace EventSync.Cli.Classify;

/// <summary>
/// Reads JSON Lines of <see cref="SyncFailureReported"/>, writes one classified line per event, and reports every
/// line it cannot take on the error writer with its number and the reason. Blank lines are passed over.
/// </summary>
internal sealed class JsonLinesClassifier(ISyncFailureClassifier? classifier = null)
{
    private static readonly JsonSerializerOptions OutputOptions = new(JsonSerializerDefaults.Web);

    private readonly ISyncFailureClassifier _classifier = classifier ?? SyncFailureClassifier.Default;

    public async Task<ClassifySummary> RunAsync(TextReader input, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        var classified = 0;
        var rejected = 0;
        var lineNumber = 0;
        while (await input.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (TryRead(line, out var failure, out var reason))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(ToLine(_classifier.Classify(failure)), OutputOptions));
                classified++;
            }
            else
            {
                await errors.WriteLineAsync($"line {lineNumber}: {reason}");
                rejected++;
            }
        }

        await output.FlushAsync(cancellationToken);
        if (rejected > 0)
        {
            await errors.WriteLineAsync($"{classified} classified, {rejected} rejected.");
        }

        return new ClassifySummary(classified, rejected);
    }

    private static bool TryRead(string line, out SyncFailureReported failure, out string reason)
    {
        failure = null!;
        try
        {
            var parsed = JsonSerializer.Deserialize<SyncFailureReported>(line, ContractJson.Options);
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

    private static ClassifiedLine ToLine(FailureClassification classification)
    {
        var errors = classification.Errors
            .Select(e => new ClassifiedError(e.Category, e.ErrorType, e.Retryable, e.RuleId, e.Fingerprint))
            .ToList();
        var first = errors[0];
        return new ClassifiedLine(classification.EventId, first.Category, first.ErrorType, first.Retryable, first.RuleId, first.Fingerprint, errors);
    }
}
