namespace EventSync.Core.Audit;

/// <summary>The actions of the audit trail as the API writes and filters them; wire names, never renamed.</summary>
public static class AuditActions
{
    /// <summary><c>POST .../resync</c>: the request's id and the errors it moved.</summary>
    public const string Resync = "resync";

    /// <summary><c>POST .../resync-all</c>: the filter, the requests and how many errors moved.</summary>
    public const string ResyncAll = "resync-all";

    /// <summary><c>PUT .../api-allocation</c>: the allocation to HubSpot before and after.</summary>
    public const string AllocationChanged = "allocation.changed";

    /// <summary><c>PUT .../notification-settings</c>: the settings before and after.</summary>
    public const string NotificationSettingsChanged = "notification-settings.changed";

    /// <summary><c>PUT .../links</c>: the record link settings before and after.</summary>
    public const string RecordLinksChanged = "record-links.changed";

    /// <summary><c>PUT .../webhooks</c>: the endpoints before and after, without their secrets.</summary>
    public const string WebhooksChanged = "webhooks.changed";

    /// <summary><c>POST .../views</c>: the view's id and its filter.</summary>
    public const string ViewCreated = "view.created";

    /// <summary>Errors ignored (until a date, a number of occurrences, or a restore).</summary>
    public const string ErrorIgnored = "error.ignored";

    /// <summary>Ignored errors restored.</summary>
    public const string ErrorRestored = "error.restored";

    /// <summary>An error's assignee set or cleared.</summary>
    public const string ErrorAssigned = "error.assigned";

    /// <summary>A note added to an error.</summary>
    public const string ErrorNoteAdded = "error.note-added";

    /// <summary>Every action, in the order the documentation lists them.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Resync, ResyncAll, AllocationChanged, NotificationSettingsChanged, RecordLinksChanged, WebhooksChanged, ViewCreated, ErrorIgnored, ErrorRestored, ErrorAssigned, ErrorNoteAdded];
}
