using EventSync.Core.Views;

namespace EventSync.Storage.MongoDb.Documents;

/// <summary>An <see cref="AffectedRecordsView"/> in <c>views</c>; the TTL index on <see cref="ExpiresAt"/> removes it.</summary>
internal sealed class ViewDocument
{
    public string Id { get; set; } = "";

    public string TenantId { get; set; } = "";

    public ErrorQueryDocument Filter { get; set; } = new();

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public static ViewDocument From(AffectedRecordsView view) => new()
    {
        Id = view.Id,
        TenantId = view.TenantId,
        Filter = ErrorQueryDocument.From(view.Filter),
        CreatedAt = view.CreatedAt,
        ExpiresAt = view.ExpiresAt,
    };

    public AffectedRecordsView ToView() => new(Id, TenantId, Filter.ToQuery(TenantId), CreatedAt, ExpiresAt);
}
