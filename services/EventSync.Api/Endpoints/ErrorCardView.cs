using EventSync.Core.Catalog;
using EventSync.Core.Errors;

namespace EventSync.Api.Endpoints;

/// <summary>A card: its current errors, the records they affect, and how many of the errors are assigned to someone.</summary>
internal sealed record ErrorCardView(string Category, string ErrorType, string Title, long CurrentErrors, long AffectedRecords, long AssignedErrors)
{
    public static ErrorCardView Of(ErrorCard card, string language, IReadOnlyDictionary<string, long> assigned) =>
        new(card.Category, card.ErrorType, ErrorCatalog.Default.Get(card.ErrorType).Title.In(language), card.CurrentErrors, card.AffectedRecords, assigned.GetValueOrDefault(card.ErrorType));
}
