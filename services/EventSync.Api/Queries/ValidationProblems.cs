using Microsoft.AspNetCore.Http.HttpResults;

namespace EventSync.Api.Queries;

/// <summary>
/// Problems per request field. Adding one costs the same however many came before, and the answer lists at most
/// <see cref="MaxListed"/>: a request with a million bad values gets a short answer saying how many more there were.
/// </summary>
internal sealed class ValidationProblems
{
    public const int MaxListed = 20;

    /// <summary>The problem document's member counting the problems that were found but not listed.</summary>
    public const string OmittedMember = "omittedErrors";

    private readonly Dictionary<string, List<string>> _problems = new(StringComparer.Ordinal);
    private int _listed;

    public bool Any => _listed > 0;

    /// <summary>Problems found beyond the first <see cref="MaxListed"/>.</summary>
    public int Omitted { get; private set; }

    public bool Has(string field) => _problems.ContainsKey(field);

    public void Add(string field, string message)
    {
        if (_listed == MaxListed)
        {
            Omitted++;
            return;
        }

        if (!_problems.TryGetValue(field, out var messages))
        {
            _problems[field] = messages = [];
        }

        messages.Add(message);
        _listed++;
    }

    /// <summary>The problems of a part of the request read on its own (a nested object), each field named under <paramref name="prefix"/>.</summary>
    public void AddAll(ValidationProblems part, string prefix)
    {
        ArgumentNullException.ThrowIfNull(part);
        foreach (var (field, messages) in part._problems)
        {
            foreach (var message in messages)
            {
                Add($"{prefix}.{field}", message);
            }
        }

        Omitted += part.Omitted;
    }

    /// <summary>The 400 answer: the listed problems by field, and <see cref="OmittedMember"/> when some were left out.</summary>
    public ValidationProblem ToResult(string title, IDictionary<string, object?>? extensions = null)
    {
        if (Omitted > 0)
        {
            extensions = new Dictionary<string, object?>(extensions ?? new Dictionary<string, object?>(), StringComparer.Ordinal) { [OmittedMember] = Omitted };
        }

        return TypedResults.ValidationProblem(_problems.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal), title: title, extensions: extensions);
    }
}
