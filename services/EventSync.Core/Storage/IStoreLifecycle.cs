namespace EventSync.Core.Storage;

/// <summary>Start-up and readiness of a store.</summary>
public interface IStoreLifecycle
{
    /// <summary>Creates collections and indexes; safe to call on every start.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Throws when the store cannot be reached.</summary>
    Task PingAsync(CancellationToken cancellationToken);
}
