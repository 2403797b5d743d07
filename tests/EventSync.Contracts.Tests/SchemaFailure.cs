using Json.Schema;

namespace EventSync.Contracts.Tests;

/// <summary>One failed keyword of an evaluation: where in the message, which keyword, and its message.</summary>
internal sealed record SchemaFailure(string InstanceLocation, string Keyword, string Message)
{
    public static IReadOnlyList<SchemaFailure> From(EvaluationResults results) =>
    [
        .. results.Details
            .Where(detail => detail.HasErrors)
            .SelectMany(detail => detail.Errors!.Select(error => new SchemaFailure(detail.InstanceLocation.ToString(), error.Key, error.Value))),
    ];

    /// <summary>The distinct (location, keyword) pairs, the part of a failure a test pins down.</summary>
    public static IReadOnlyList<(string InstanceLocation, string Keyword)> Reasons(EvaluationResults results) =>
        [.. From(results).Select(failure => (failure.InstanceLocation, failure.Keyword)).Distinct().Order()];

    public static string Describe(EvaluationResults results) =>
        results.IsValid ? "valid" : string.Join(Environment.NewLine, From(results));
}
