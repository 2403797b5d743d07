using EventSync.Contracts;

namespace EventSync.Api.Endpoints;

/// <summary>An error with the errors as the engine reported them and its recent occurrences.</summary>
internal sealed record ErrorDetailView : ErrorView
{
    public ErrorDetailView(ErrorView error, IReadOnlyList<ReportedError> rawErrors, IReadOnlyList<ErrorHistoryEntryView> history)
        : base(error)
    {
        RawErrors = rawErrors;
        History = history;
    }

    public IReadOnlyList<ReportedError> RawErrors { get; }

    public IReadOnlyList<ErrorHistoryEntryView> History { get; }
}
