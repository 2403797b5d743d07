using System.Text.Json;
using EventSync.Contracts;
using EventSync.Core.Catalog;

namespace EventSync.Core.Classification;

/// <summary>The rule-based classifier: the first rule that matches decides; no match means <c>other/unknown</c>.</summary>
public sealed class SyncFailureClassifier : ISyncFailureClassifier
{
    public const string UnknownRuleId = "fallback.unknown";
    public const string NoErrorsRuleId = "fallback.no-errors";
    private const int MaxNearRules = 5;

    private static readonly Lazy<SyncFailureClassifier> DefaultClassifier =
        new(() => new SyncFailureClassifier(ErrorCatalog.Default, ClassificationRules.LoadEmbedded(ErrorCatalog.Default)));

    private readonly ErrorCatalog _catalog;
    private readonly ClassificationRules _rules;

    public SyncFailureClassifier(ErrorCatalog catalog, ClassificationRules rules)
    {
        _catalog = catalog;
        _rules = rules;
    }

    /// <summary>The classifier with the catalog and rules shipped with EventSync.</summary>
    public static SyncFailureClassifier Default => DefaultClassifier.Value;

    public FailureClassification Classify(SyncFailureReported failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var context = ContextOf(failure);
        var errors = failure.Errors;
        if (errors is not { Count: > 0 })
        {
            var info = _catalog.Unknown;
            var nothing = new ErrorClassification(info.Category, info.Id, false, NoErrorsRuleId, MessageFingerprint.Compute(info.Id, "", ""), null, null, []);
            return new FailureClassification(failure.EventId, [nothing]);
        }

        var results = new ErrorClassification[errors.Count];
        for (var i = 0; i < results.Length; i++)
        {
            results[i] = Classify(errors[i] ?? new ReportedError(), context);
        }

        return new FailureClassification(failure.EventId, results);
    }

    public ErrorClassification Classify(ReportedError reportedError, FailureContext context)
    {
        ArgumentNullException.ThrowIfNull(reportedError);
        var normalized = ErrorNormalizer.Normalize(reportedError, context);
        var (rule, _) = Decide(normalized);
        var info = rule is null ? _catalog.Unknown : _catalog.Get(rule.ErrorType);
        return new ErrorClassification(
            info.Category,
            info.Id,
            info.Retryable,
            rule?.Id ?? UnknownRuleId,
            MessageFingerprint.Compute(info.Id, normalized.Code, normalized.Message),
            normalized.Code.Length > 0 ? normalized.Code : null,
            normalized.Message.Length > 0 ? normalized.Message : null,
            normalized.Fields);
    }

    /// <summary>The context of a failure from the wire's loosely written values; unknown values count as unspecified.</summary>
    public static FailureContext ContextOf(SyncFailureReported failure) =>
        ContextOf(failure.Source, failure.Direction, failure.ObjectType);

    /// <summary>The context of wire values as an engine wrote them (or a stored error keeps them); unknown values count as unspecified.</summary>
    public static FailureContext ContextOf(string? source, string? direction, string? objectType)
    {
        _ = WireValues.TryParseSource(source, out var parsedSource);
        _ = WireValues.TryParseDirection(direction, out var parsedDirection);
        return new FailureContext(parsedSource, parsedDirection, objectType?.Trim().ToLowerInvariant());
    }

    /// <summary>Why <paramref name="reportedError"/> is classified as it is: the deciding rule, its code and words, and the rules that came near.</summary>
    public ClassificationExplanation Explain(ReportedError reportedError, FailureContext context)
    {
        ArgumentNullException.ThrowIfNull(reportedError);
        var normalized = ErrorNormalizer.Normalize(reportedError, context);
        var (rule, code) = Decide(normalized);
        var near = new List<NearRule>();
        var afterDecider = false;
        foreach (var candidate in _rules.Rules)
        {
            if (ReferenceEquals(candidate, rule))
            {
                afterDecider = true;
                continue;
            }

            var missed = candidate.Misses(normalized, code);
            if (missed == RuleCondition.None && afterDecider)
            {
                missed = RuleCondition.Order;
            }

            if (IsNear(candidate, missed) && near.Count < MaxNearRules)
            {
                near.Add(new NearRule(candidate.Id, candidate.ErrorType, JsonNamingPolicy.CamelCase.ConvertName(missed.ToString())));
            }
        }

        return rule is null
            ? new ClassificationExplanation(UnknownRuleId, ErrorCatalog.UnknownType, NullIfEmpty(code), null, [], near)
            : new ClassificationExplanation(rule.Id, rule.ErrorType, NullIfEmpty(code), rule.MatchedWords(normalized), rule.MatchedFields(normalized), near);
    }

    // Near: it matched but came later; or it missed one condition, and not only the words of a rule that has nothing but words,
    // nor only the code of a rule that has no words (every unrelated rule misses those).
    private static bool IsNear(ClassificationRule rule, RuleCondition missed)
    {
        var oneMiss = missed != RuleCondition.None && (missed & (missed - 1)) == 0;
        return missed == RuleCondition.Order
            || (oneMiss && missed == RuleCondition.Code && rule.MessagePattern is not null)
            || (oneMiss && missed != RuleCondition.Code && (rule.Codes.Count > 0 || missed != RuleCondition.Message));
    }

    // The reported code first; when there is none, or it finds nothing or only the automation that wrapped the real error,
    // the codes quoted inside the message, innermost first; then the message's words; then HubSpot's category; then the
    // HTTP status.
    private (ClassificationRule? Rule, string Code) Decide(in NormalizedError error)
    {
        var rule = error.Code.Length > 0 ? FirstMatch(error.Code, error) : null;
        if (rule is null || IsWrapper(rule))
        {
            // Looked for only here: most errors are decided by their own code and never pay for the search.
            foreach (var inner in InnerStatusCodes.Find(error.MatchText, error.Code))
            {
                if (FirstMatch(inner, error) is { } innerRule && !IsWrapper(innerRule) && innerRule.ErrorType != ErrorCatalog.UnknownType)
                {
                    return (innerRule, inner);
                }
            }
        }

        rule ??= error.Code.Length == 0 ? FirstMatch("", error) : null;
        if (rule is not null)
        {
            return (rule, error.Code);
        }

        if (error.FallbackCode.Length > 0 && FirstMatch(error.FallbackCode, error) is { } fallback)
        {
            return (fallback, error.FallbackCode);
        }

        var httpCode = error.HttpCode.Length > 0 ? error.HttpCode : InnerStatusCodes.HttpStatus(error.MatchText);
        if (httpCode.Length > 0 && FirstMatch(httpCode, error) is { } byStatus)
        {
            return (byStatus, httpCode);
        }

        return (null, error.Code);
    }

    // Automation reports the error of the record it tried to save: that error, when it has a type, is what needs fixing.
    private static bool IsWrapper(ClassificationRule rule) =>
        rule.ErrorType is ErrorCatalog.SalesforceAutomationType or ErrorCatalog.SalesforceFlowType;

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    private ClassificationRule? FirstMatch(string code, in NormalizedError error)
    {
        foreach (var rule in _rules.CandidatesFor(code))
        {
            if (rule.Matches(error))
            {
                return rule;
            }
        }

        return null;
    }
}
