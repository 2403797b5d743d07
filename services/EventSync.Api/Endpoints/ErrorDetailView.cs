using EventSync.Contracts;
using EventSync.Core.Errors;

namespace EventSync.Api.Endpoints;

/// <summary>An error with the rule that decided it and why, the errors as the engine reported them, its recent occurrences and people's notes.</summary>
internal sealed record ErrorDetailView : ErrorView
{
    public ErrorDetailView(ErrorView error, string ruleId, ErrorDecisionView? decision, IReadOnlyList<ReportedError> rawErrors, IReadOnlyList<ErrorHistoryEntryView> history, IReadOnlyList<ErrorNote> notes)
        : base(error)
    {
        RuleId = ruleId;
        Decision = decision;
        RawErrors = rawErrors;
        History = history;
        Notes = notes;
    }

    /// <summary>The rule that decided the type when the error was last recorded.</summary>
    public string RuleId { get; }

    /// <summary>Why the errors as reported have this type, by today's rules.</summary>
    public ErrorDecisionView? Decision { get; }

    public IReadOnlyList<ReportedError> RawErrors { get; }

    public IReadOnlyList<ErrorHistoryEntryView> History { get; }

    /// <summary>What people wrote about the error, oldest first.</summary>
    public IReadOnlyList<ErrorNote> Notes { get; }
}
