using Json.Schema;

namespace EventSync.Contracts.Tests;

/// <summary>One failed keyword of an evaluation: where in the message, which keyword, and its message.</summary>
internal sealed record SchemaFailure(string InstanceLocation, string Keyword, string Message)
{
    /// <summary>
    /// The failures that make the message invalid: only nodes whose every ancestor failed are visited, and the
    /// failed branches of an <c>anyOf</c> that another branch satisfied are left out.
    /// </summary>
    public static IReadOnlyList<SchemaFailure> From(EvaluationResults results) => [.. Collect(results)];

    /// <summary>The distinct (location, keyword) pairs, the part of a failure a test pins down.</summary>
    public static IReadOnlyList<(string InstanceLocation, string Keyword)> Reasons(EvaluationResults results) =>
        [.. From(results).Select(failure => (failure.InstanceLocation, failure.Keyword)).Distinct().Order()];

    public static string Describe(EvaluationResults results) =>
        results.IsValid ? "valid" : string.Join(Environment.NewLine, From(results));

    private static IEnumerable<SchemaFailure> Collect(EvaluationResults node)
    {
        if (node.IsValid)
        {
            yield break;
        }

        foreach (var error in node.Errors ?? new Dictionary<string, string>())
        {
            yield return new SchemaFailure(node.InstanceLocation.ToString(), error.Key, error.Value);
        }

        var satisfiedAnyOfs = node.Details.Where(child => child.IsValid).Select(AnyOfOf).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var failure in node.Details.Where(child => AnyOfOf(child) is not { } anyOf || !satisfiedAnyOfs.Contains(anyOf)).SelectMany(Collect))
        {
            yield return failure;
        }
    }

    // JsonSchema.Net puts the branches of an anyOf (evaluation path ".../anyOf/2") beside the other children
    // of the schema that holds it; this gives the ".../anyOf" a branch belongs to, or null.
    private static string? AnyOfOf(EvaluationResults child)
    {
        var path = child.EvaluationPath.ToString();
        var parent = path[..Math.Max(path.LastIndexOf('/'), 0)];
        return parent.EndsWith("/anyOf", StringComparison.Ordinal) ? parent : null;
    }
}
