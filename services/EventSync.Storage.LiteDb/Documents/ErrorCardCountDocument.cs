namespace EventSync.Storage.LiteDb.Documents;

// The counters of one sync-health card: _id = tenant + category + error type (see ErrorCardMapping.CountId).
internal sealed class ErrorCardCountDocument
{
    public string Id { get; set; } = "";

    public string TenantId { get; set; } = "";

    public string Category { get; set; } = "";

    public string ErrorType { get; set; } = "";

    /// <summary>Counted errors of the type: current, and surfaced when transient.</summary>
    public long Errors { get; set; }

    /// <summary>Distinct records among them: the rows of error_card_records under this card.</summary>
    public long Records { get; set; }
}
