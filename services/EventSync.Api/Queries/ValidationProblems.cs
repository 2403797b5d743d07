namespace EventSync.Api.Queries;

/// <summary>Problems per request field, as <c>TypedResults.ValidationProblem</c> takes them.</summary>
internal sealed class ValidationProblems
{
    private readonly Dictionary<string, string[]> _problems = new(StringComparer.Ordinal);

    public bool Any => _problems.Count > 0;

    public IDictionary<string, string[]> ByField => _problems;

    public void Add(string field, string message) =>
        _problems[field] = _problems.TryGetValue(field, out var existing) ? [.. existing, message] : [message];
}
