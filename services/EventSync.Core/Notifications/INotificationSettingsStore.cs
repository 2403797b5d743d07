using EventSync.Contracts;

namespace EventSync.Core.Notifications;

/// <summary>The tenants' notification settings, one per tenant. Implementations pass the shared store contract tests.</summary>
public interface INotificationSettingsStore
{
    /// <summary>The tenant's settings; null while it never saved any.</summary>
    Task<NotificationSettings?> GetAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>Replaces the tenant's settings as a whole. Validation is the caller's job.</summary>
    Task SaveAsync(NotificationSettings settings, CancellationToken cancellationToken);

    /// <summary>The enabled settings of every tenant on <paramref name="frequency"/>, ordered by tenant id: what a digest scheduler serves.</summary>
    Task<IReadOnlyList<NotificationSettings>> ListEnabledAsync(DigestFrequency frequency, CancellationToken cancellationToken);
}
