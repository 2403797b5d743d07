using System.Text.Json;
using EventSync.Api.Localization;
using EventSync.Api.Queries;
using EventSync.Contracts;
using EventSync.Core.Validation;

namespace EventSync.Api.Endpoints;

/// <summary>Reads one event or an array of events and names every problem by its JSON path.</summary>
internal static class FailureRequestReader
{
    public static async Task<(List<SyncFailureReported> Failures, ValidationProblems Problems, bool SentAsArray)> ReadAsync(
        Stream body, int maxEvents, TimeProvider clock, CancellationToken cancellationToken)
    {
        var failures = new List<SyncFailureReported>();
        var problems = new ValidationProblems();
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(body, new JsonDocumentOptions { MaxDepth = 32, AllowDuplicateProperties = false }, cancellationToken);
        }
        catch (JsonException e)
        {
            problems.Add("$", JsonProblem.Describe(e));
            return (failures, problems, false);
        }

        using (document)
        {
            var root = document.RootElement;
            var items = root.ValueKind == JsonValueKind.Array ? root.EnumerateArray().ToList() : [root];
            if (items.Count == 0 || items.Count > maxEvents)
            {
                problems.Add("$", ProblemFormat.With(ProblemTexts.EventsCount, maxEvents, items.Count));
                return (failures, problems, root.ValueKind == JsonValueKind.Array);
            }

            for (var i = 0; i < items.Count; i++)
            {
                var prefix = root.ValueKind == JsonValueKind.Array ? $"[{i}]." : "";
                if (Read(items[i], prefix, clock, problems) is { } failure)
                {
                    failures.Add(failure);
                }
            }

            return (failures, problems, root.ValueKind == JsonValueKind.Array);
        }
    }

    private static SyncFailureReported? Read(JsonElement item, string prefix, TimeProvider clock, ValidationProblems problems)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            problems.Add(prefix.Length > 0 ? prefix.TrimEnd('.') : "$", ProblemTexts.EventNotObject);
            return null;
        }

        try
        {
            var failure = item.Deserialize<SyncFailureReported>(ContractJson.Options)!;
            foreach (var problem in SyncFailureValidator.Validate(failure, clock))
            {
                problems.Add(prefix + problem.Field, problem.Message);
            }

            return failure;
        }
        catch (JsonException e)
        {
            var fields = JsonProblem.Fields(e);
            foreach (var field in fields.Count > 0 ? fields : [""])
            {
                var name = prefix + field;
                problems.Add(name.Length == 0 ? "$" : name.TrimEnd('.'), JsonProblem.Describe(e));
            }

            return null;
        }
    }
}
