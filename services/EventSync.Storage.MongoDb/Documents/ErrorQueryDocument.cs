using EventSync.Core.Errors;

namespace EventSync.Storage.MongoDb.Documents;

/// <summary>The filter of a stored view: an <see cref="ErrorQuery"/> without its tenant (the view's own).</summary>
internal sealed class ErrorQueryDocument
{
    public string? ErrorType { get; set; }

    public string? Category { get; set; }

    public SyncErrorState? State { get; set; }

    /// <summary>Absent unless the filter asks for current errors (open or resync pending).</summary>
    public bool? CurrentOnly { get; set; }

    public string? ObjectType { get; set; }

    public DateTimeOffset? SeenFrom { get; set; }

    public DateTimeOffset? SeenTo { get; set; }

    public string? Text { get; set; }

    public string? Fingerprint { get; set; }

    public string? Assignee { get; set; }

    /// <summary>Absent unless the filter asks for errors assigned to nobody.</summary>
    public bool? Unassigned { get; set; }

    public static ErrorQueryDocument From(ErrorQuery query) => new()
    {
        ErrorType = query.ErrorType,
        Category = query.Category,
        State = query.State,
        CurrentOnly = query.CurrentOnly ? true : null,
        ObjectType = query.ObjectType,
        SeenFrom = query.SeenFrom,
        SeenTo = query.SeenTo,
        Text = query.Text,
        Fingerprint = query.Fingerprint,
        Assignee = query.Assignee,
        Unassigned = query.Unassigned ? true : null,
    };

    public ErrorQuery ToQuery(string tenantId) => new(tenantId)
    {
        ErrorType = ErrorType,
        Category = Category,
        State = State,
        CurrentOnly = CurrentOnly == true,
        ObjectType = ObjectType,
        SeenFrom = SeenFrom,
        SeenTo = SeenTo,
        Text = Text,
        Fingerprint = Fingerprint,
        Assignee = Assignee,
        Unassigned = Unassigned == true,
    };
}
