using EventSync.Core.Errors;

namespace EventSync.Api.Endpoints;

/// <summary>What a change of many errors did: the ids it <see cref="Changed"/>, and those it left as they were (<see cref="Unchanged"/>: resolved, or not ignored for a restore).</summary>
internal sealed record ErrorsChanged(IReadOnlyList<string> Changed, IReadOnlyList<string> Unchanged)
{
    public static ErrorsChanged Of(IReadOnlyList<string> named, IEnumerable<SyncError> changed)
    {
        var ids = changed.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        return new([.. named.Where(ids.Contains)], [.. named.Where(id => !ids.Contains(id))]);
    }

    /// <summary>What a change of many errors touched, as the audit trail keeps it: their ids and how many.</summary>
    public static object Touched(IReadOnlyList<SyncError> changed) => new { ErrorIds = changed.Select(e => e.Id).ToList(), Errors = changed.Count };
}
