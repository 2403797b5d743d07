using System.Text;
using EventSync.Contracts;

namespace EventSync.Core.Errors;

/// <summary>
/// What an error keeps of its event's reported errors, the same in every store: its own reported error first, whole (the
/// wire bounds its size), then the event's others in their order while they fit: at most <see cref="MaxCount"/> in all,
/// and at most <see cref="MaxOtherTextBytes"/> of text among the others. An event of 100 errors at the wire's maximum would
/// otherwise copy megabytes into each of its errors, past what a document can hold.
/// </summary>
public static class StoredRawErrors
{
    /// <summary>Reported errors kept per error, its own included.</summary>
    public const int MaxCount = 10;

    /// <summary>UTF-8 bytes of text (every string field, the fields' names and the context's JSON) of the other reported errors kept.</summary>
    public const int MaxOtherTextBytes = 64 * 1024;

    /// <summary>The reported errors an error keeps, given its event's <paramref name="reported"/> and its own index there.</summary>
    public static IReadOnlyList<ReportedError> Of(IReadOnlyList<ReportedError?>? reported, int ownIndex)
    {
        if (reported is not { Count: > 0 })
        {
            return [];
        }

        var own = ownIndex >= 0 && ownIndex < reported.Count ? reported[ownIndex] : null;
        var kept = new List<ReportedError>(Math.Min(MaxCount, reported.Count));
        if (own is not null)
        {
            kept.Add(own);
        }

        var budget = MaxOtherTextBytes;
        for (var i = 0; i < reported.Count && kept.Count < MaxCount; i++)
        {
            if (i == ownIndex || reported[i] is not { } other)
            {
                continue;
            }

            var size = TextBytes(other);
            if (size <= budget)
            {
                kept.Add(other);
                budget -= size;
            }
        }

        return kept;
    }

    /// <summary>The UTF-8 size of a reported error's text, as <see cref="MaxOtherTextBytes"/> counts it.</summary>
    public static int TextBytes(ReportedError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return Bytes(error.StatusCode) + Bytes(error.ErrorCode) + Bytes(error.Message) + Bytes(error.Raw) + Bytes(error.Category)
            + Bytes(error.SubCategory) + (error.Fields?.Sum(Bytes) ?? 0) + (error.Context is { } context ? Bytes(context.GetRawText()) : 0);
    }

    private static int Bytes(string? text) => text is null ? 0 : Encoding.UTF8.GetByteCount(text);
}
