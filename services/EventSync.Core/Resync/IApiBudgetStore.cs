namespace EventSync.Core.Resync;

/// <summary>
/// The tenants' resync budgets: one document per tenant with EventSync's spends in minute buckets, read together with the
/// reported usage and the allocation. Reservations are atomic: concurrent workers never reserve past the cap together.
/// Implementations pass the shared store contract tests.
/// </summary>
public interface IApiBudgetStore
{
    /// <summary>Reserves <paramref name="calls"/> at <paramref name="now"/> only if they fit; otherwise changes nothing.</summary>
    Task<BudgetReservation> TryReserveAsync(string tenantId, long calls, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Gives back calls reserved at <paramref name="spentAt"/> that were not used after all.</summary>
    Task ReleaseAsync(string tenantId, long calls, DateTimeOffset spentAt, DateTimeOffset now, CancellationToken cancellationToken);

    Task<ApiBudget> GetBudgetAsync(string tenantId, DateTimeOffset now, CancellationToken cancellationToken);
}
