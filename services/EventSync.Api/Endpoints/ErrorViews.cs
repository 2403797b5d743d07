using EventSync.Core.Catalog;
using EventSync.Core.Classification;
using EventSync.Core.Errors;
using EventSync.Core.Links;

namespace EventSync.Api.Endpoints;

/// <summary>Builds the views of stored errors, with the catalog's texts in the requested language.</summary>
internal static class ErrorViews
{
    public static ErrorView Of(SyncError error, string language, RecordLinkSettings links)
    {
        var info = ErrorCatalog.Default.TryGet(error.ErrorType, out var known) ? known : ErrorCatalog.Default.Unknown;
        return new ErrorView(
            error.Id,
            error.Category,
            error.ErrorType,
            info.Title.In(language),
            info.Meaning.In(language),
            info.Fix.In(language),
            error.State.ToWire(),
            error.ObjectType,
            error.HubSpotId,
            error.SalesforceId,
            error.StatusCode,
            error.Message,
            error.Fields,
            error.FirstSeen,
            error.LastSeen,
            error.Occurrences,
            error.Fingerprint,
            error.Direction,
            RecordLinks.Of(links, error.ObjectType, error.HubSpotId, error.SalesforceId),
            error.Ignore,
            error.Assignee);
    }

    public static ErrorDetailView DetailOf(SyncError error, string language, RecordLinkSettings links, ISyncFailureClassifier classifier) =>
        new(
            Of(error, language, links),
            error.RuleId,
            ErrorDecisionView.For(error.ErrorType, error.RawErrors, SyncFailureClassifier.ContextOf(error.Source, error.Direction, error.ObjectType), classifier),
            error.RawErrors,
            error.History.Select(h => new ErrorHistoryEntryView(h.EventId, h.OccurredAt, h.StatusCode, h.Message)).ToList(),
            error.Notes);
}
