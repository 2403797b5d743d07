namespace EventSync.Core.Views;

/// <summary>Temporary views of affected records. Implementations pass the shared store contract tests.</summary>
public interface IViewStore
{
    /// <summary>Stores the view; the store forgets it some time after <see cref="AffectedRecordsView.ExpiresAt"/>.</summary>
    Task SaveAsync(AffectedRecordsView view, CancellationToken cancellationToken);

    /// <summary>The tenant's view; null when it is unknown, another tenant's, or expired at <paramref name="now"/>.</summary>
    Task<AffectedRecordsView?> GetAsync(string tenantId, string viewId, DateTimeOffset now, CancellationToken cancellationToken);
}
