namespace EventSync.Core.Links;

/// <summary>The tenants' record link settings, one per tenant. Implementations pass the shared store contract tests.</summary>
public interface IRecordLinkSettingsStore
{
    /// <summary>The tenant's settings; <see cref="RecordLinkSettings.None"/> while it never saved any.</summary>
    Task<RecordLinkSettings> GetAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>Replaces the tenant's settings as a whole. Validation is the caller's job.</summary>
    Task SaveAsync(RecordLinkSettings settings, CancellationToken cancellationToken);
}
