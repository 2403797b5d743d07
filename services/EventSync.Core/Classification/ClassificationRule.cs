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
    private readonly System.Buffers.SearchValues<string>? _messageGate = message is null ? null : RequiredLiterals.GateFor(message.ToString());

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
            return PatternsMatch(error);
        }
        catch (RegexMatchTimeoutException)
        {
            // A stalled thread on a busy machine can run past the limit on any input: one more try.
            try
            {
                return PatternsMatch(error);
            }
            catch (RegexMatchTimeoutException)
            {
                // A pattern that ran past ClassificationRules.PatternTimeout twice decides nothing: the rule does not match.
                return false;
            }
        }
    }

    private bool PatternsMatch(in NormalizedError error) =>
        (field is null || AnyFieldMatches(error.Fields, field))
        && (message is null || message.IsMatch(error.MatchText))
        && (messageNot is null || !messageNot.IsMatch(error.MatchText));

    private static readonly string WarmUpText = string.Concat(Enumerable.Repeat("FIELD_INTEGRITY_EXCEPTION: required field missing, ", 8));

    /// <summary>
    /// Runs each pattern once, so that its compiled code is built now: built during the first real match, that time counts
    /// against <see cref="ClassificationRules.PatternTimeout"/>, and on a busy machine a large pattern's first match could
    /// time out and decide nothing.
    /// </summary>
    public void Prepare()
    {
        // An empty text is refused before the compiled code runs when a pattern needs characters: a text of some length too.
        foreach (var pattern in new[] { message, messageNot, field })
        {
            try
            {
                pattern?.IsMatch("");
                pattern?.IsMatch(WarmUpText);
            }
            catch (RegexMatchTimeoutException)
            {
                // Built all the same; the next match runs without the cost.
            }
        }
    }

    /// <summary>The conditions <paramref name="error"/> fails when tried with <paramref name="code"/>; for explanations, not the hot path.</summary>
    public RuleCondition Misses(in NormalizedError error, string code)
    {
        var missed = RuleCondition.None;
        if (Codes.Count > 0 && !Codes.Contains(code))
        {
            missed |= RuleCondition.Code;
        }

        if (source != FailureSource.Unspecified && error.Context.Source != source)
        {
            missed |= RuleCondition.Source;
        }

        if (direction != SyncDirection.Unspecified && error.Context.Direction != direction)
        {
            missed |= RuleCondition.Direction;
        }

        if (objectTypes.Count > 0 && (error.Context.ObjectType is null || !objectTypes.Contains(error.Context.ObjectType)))
        {
            missed |= RuleCondition.ObjectType;
        }

        try
        {
            if (message is not null && !message.IsMatch(error.MatchText))
            {
                missed |= RuleCondition.Message;
            }

            if (messageNot is not null && messageNot.IsMatch(error.MatchText))
            {
                missed |= RuleCondition.MessageNot;
            }

            if (field is not null && !AnyFieldMatches(error.Fields, field))
            {
                missed |= RuleCondition.Field;
            }
        }
        catch (RegexMatchTimeoutException)
        {
            missed |= RuleCondition.Message;
        }

        return missed;
    }

    /// <summary>The words of the message that this rule's message pattern matched, if it has one and it matched.</summary>
    public string? MatchedWords(in NormalizedError error)
    {
        try
        {
            return message?.Match(error.MatchText) is { Success: true } match ? match.Value : null;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    /// <summary>The fields that this rule's field pattern matched.</summary>
    public IReadOnlyList<string> MatchedFields(in NormalizedError error)
    {
        if (field is null)
        {
            return [];
        }

        var pattern = field;
        return error.Fields.Where(f => pattern.IsMatch(f)).ToList();
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
