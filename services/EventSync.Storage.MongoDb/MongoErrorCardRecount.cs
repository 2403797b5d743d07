using EventSync.Core.Errors;

namespace EventSync.Storage.MongoDb;

/// <summary>
/// Recounts a tenant's cards while writers run: card by card, each in one transaction that reads the card's errors and
/// sets its counters (see <see cref="MongoErrorCards.RecountCardAsync"/>).
/// </summary>
public sealed class MongoErrorCardRecount(MongoStoreContext context) : IErrorCardRecount
{
    private const int MaxRecountAttempts = 10;

    public async Task<IReadOnlyList<ErrorCard>> RecountAsync(string tenantId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        foreach (var (category, errorType) in await MongoErrorCards.CardsToRecountAsync(context, tenantId, cancellationToken))
        {
            await context.AtomicallyAsync(
                $"The card {errorType} of {tenantId} could not be recounted",
                MaxRecountAttempts,
                async (session, ct) =>
                {
                    await MongoErrorCards.RecountCardAsync(context, session, tenantId, category, errorType, ct);
                    return true;
                },
                cancellationToken);
        }

        return await MongoErrorCards.ReadAsync(context, tenantId, cancellationToken);
    }
}
