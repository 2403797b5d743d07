using EventSync.Core.Errors;

namespace EventSync.Storage.MongoDb.Documents;

/// <summary>The counters of one sync-health card in <c>error_card_counts</c>: <c>_id</c> = tenant + category + error type.</summary>
internal sealed class ErrorCardCountDocument
{
    public string Id { get; set; } = "";

    public string TenantId { get; set; } = "";

    public string Category { get; set; } = "";

    public string ErrorType { get; set; } = "";

    /// <summary>Counted errors of the type: current, and surfaced when transient.</summary>
    public long Errors { get; set; }

    /// <summary>Distinct records among them: the rows of <c>error_card_records</c> under this card.</summary>
    public long Records { get; set; }

    public ErrorCard ToErrorCard() => new(Category, ErrorType, Errors, Records);
}
