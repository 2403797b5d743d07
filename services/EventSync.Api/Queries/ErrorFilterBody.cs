using System.Text.Json;
using EventSync.Api.Requests;

namespace EventSync.Api.Queries;

/// <summary>The error list's filter given as a JSON body (a view, a resync of all matching errors), for <see cref="ErrorFilterReader"/>.</summary>
internal static class ErrorFilterBody
{
    public static ErrorFilterParameters Read(JsonElement body, ValidationProblems problems) =>
        new()
        {
            ErrorType = JsonRequestBody.OptionalString(body, "errorType", problems),
            Category = JsonRequestBody.OptionalString(body, "category", problems),
            State = JsonRequestBody.OptionalString(body, "state", problems),
            ObjectType = JsonRequestBody.OptionalString(body, "objectType", problems),
            From = JsonRequestBody.OptionalString(body, "from", problems),
            To = JsonRequestBody.OptionalString(body, "to", problems),
            Q = JsonRequestBody.OptionalString(body, "q", problems),
            Fingerprint = JsonRequestBody.OptionalString(body, "fingerprint", problems),
            Assignee = JsonRequestBody.OptionalString(body, "assignee", problems),
        };
}
