using EventSync.Core.Catalog;
using EventSync.Core.Storage;

namespace EventSync.Api.Endpoints;

internal sealed record ErrorCardView(string Category, string ErrorType, string Title, long CurrentErrors, long AffectedRecords)
{
    public static ErrorCardView Of(ErrorCard card, string language) =>
        new(card.Category, card.ErrorType, ErrorCatalog.Default.Get(card.ErrorType).Title.In(language), card.CurrentErrors, card.AffectedRecords);
}
