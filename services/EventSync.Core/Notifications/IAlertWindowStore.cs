namespace EventSync.Core.Notifications;

/// <summary>
/// Immediate alerts coalesced per tenant: at most one open window per tenant collects alerts until it closes; a sender
/// claims a closed window atomically, sends one email and completes it. Implementations pass the shared store contract tests.
/// </summary>
public interface IAlertWindowStore
{
    /// <summary>
    /// Adds the alert to the tenant's open window, opening one that closes at <paramref name="now"/> + <paramref name="window"/>
    /// when there is none (also while an older window is being sent).
    /// </summary>
    Task<AlertAppended> AppendAlertAsync(string tenantId, AlertEntry entry, DateTimeOffset now, TimeSpan window, CancellationToken cancellationToken);

    /// <summary>
    /// Claims one window that closed by <paramref name="now"/> (or whose sender's lease ran out) for <paramref name="token"/>
    /// until <paramref name="now"/> + <paramref name="lease"/>; null when none is due. No alert joins a claimed window.
    /// </summary>
    Task<AlertWindow?> ClaimDueAlertWindowAsync(DateTimeOffset now, string token, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Removes the window once its email went out; false when the claim was lost to another sender.</summary>
    Task<bool> CompleteAlertWindowAsync(string windowId, string token, CancellationToken cancellationToken);
}
