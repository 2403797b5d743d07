using EventSync.Contracts;
using EventSync.Core.Errors;
using EventSync.Core.Notifications;
using EventSync.Core.Validation;
using EventSync.Notifications.Email;

namespace EventSync.Notifications.Assignments;

/// <summary>
/// Emails the assignee of an <see cref="ErrorsAssigned"/> when it is an email address, with the errors still open and
/// still assigned to it, in the tenant's language (its notification settings; English without). Whether the tenant
/// gets digests does not matter: this email goes to a person who was given work. A failure to send is thrown, so the
/// consumer's retries apply; a redelivered or repeated assignment is emailed again (at least once).
/// </summary>
internal sealed class AssignmentNotifier(
    ISyncErrorQueries errors,
    INotificationSettingsStore settingsStore,
    AssignmentEmailComposer composer,
    EmailDelivery delivery,
    ILogger<AssignmentNotifier> logger)
{
    public const string Kind = "assignment";

    /// <summary>Returns whether an email went out.</summary>
    public async Task<bool> NotifyAsync(ErrorsAssigned assignment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        if (!RecipientAddress.IsValid(assignment.Assignee))
        {
            logger.AssignmentNotEmailed(assignment.ErrorIds.Count, assignment.TenantId, "the assignee is a name, not an email address");
            return false;
        }

        var assigned = StillAssignedErrors.Of(await errors.GetManyAsync(assignment.TenantId, assignment.ErrorIds, cancellationToken), assignment.Assignee);
        if (assigned.Count == 0)
        {
            logger.AssignmentNotEmailed(assignment.ErrorIds.Count, assignment.TenantId, "none of the errors is open and assigned to the assignee any more");
            return false;
        }

        var settings = await settingsStore.GetAsync(assignment.TenantId, cancellationToken);
        await delivery.SendAsync(composer.Compose(assignment, assigned, settings?.Language), Kind, assignment.TenantId, cancellationToken);
        return true;
    }
}
