using System.Text.RegularExpressions;

namespace EventSync.Core.Classification;

/// <summary>
/// A validated, compiled rule: cheap conditions first, then a vectorised search for the literals any match of the
/// message pattern must contain (<see cref="RequiredLiterals"/>), and only then the regular expressions.
/// </summary>
internal sealed class ClassificationRule(
    string id,
    string errorType,
    FailureSource source,
    SyncDirection direction,
    IReadOnlySet<string> codes,
    IReadOnlySet<string> objectTypes,
    Regex? message,
    Regex? messageNot,
    Regex? field)
{
    private readonly string[]? _messageGate = message is null ? null : RequiredLiterals.GateFor(message.ToString());

    public string Id { get; } = id;

    public string ErrorType { get; } = errorType;

    public IReadOnlySet<string> Codes { get; } = codes;

    public Regex? MessagePattern => message;

    public bool Matches(in NormalizedError error)
    {
        if (source != FailureSource.Unspecified && error.Context.Source != source)
        {
            return false;
        }

        if (direction != SyncDirection.Unspecified && error.Context.Direction != direction)
        {
            return false;
        }

        if (objectTypes.Count > 0 && (error.Context.ObjectType is null || !objectTypes.Contains(error.Context.ObjectType)))
        {
            return false;
        }

        if (message is not null && _messageGate is not null && !RequiredLiterals.Opens(_messageGate, error.LowerMatchText))
        {
            return false;
        }

        try
        {
            return (field is null || AnyFieldMatches(error.Fields, field))
                && (message is null || message.IsMatch(error.MatchText))
                && (messageNot is null || !messageNot.IsMatch(error.MatchText));
        }
        catch (RegexMatchTimeoutException)
        {
            // A pattern that ran past ClassificationRules.PatternTimeout decides nothing: the rule does not match.
            return false;
        }
    }

    private static bool AnyFieldMatches(IReadOnlyList<string> fields, Regex pattern)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (pattern.IsMatch(fields[i]))
            {
                return true;
            }
        }

        return false;
    }
}
