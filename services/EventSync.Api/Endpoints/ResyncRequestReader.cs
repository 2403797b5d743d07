using System.Text.Json;
using EventSync.Api.Localization;
using EventSync.Api.Queries;
using EventSync.Contracts;

namespace EventSync.Api.Endpoints;

/// <summary>Reads the <c>errorIds</c> of a resync request (<see cref="ErrorIdList"/>), at most <see cref="ResyncErrors.MaxErrorIds"/> of them.</summary>
internal static class ResyncRequestReader
{
    public const string ErrorIdsField = ErrorIdList.Field;

    public static List<string> ErrorIds(JsonElement body, ValidationProblems problems) =>
        ErrorIdList.Read(
            body,
            problems,
            ResyncErrors.MaxErrorIds,
            ProblemFormat.With(ProblemTexts.ErrorIdsTooManyToResync, ResyncErrors.MaxErrorIds));
}
