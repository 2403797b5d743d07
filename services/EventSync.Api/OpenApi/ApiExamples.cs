using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace EventSync.Api.OpenApi;

/// <summary>
/// Examples the reference shows and tools can send: a realistic ingested failure (Salesforce refused a contact for a
/// missing last name), the 400 of an invalid event, the 401 of a missing key and a page of the audit trail, as the API
/// writes them.
/// </summary>
internal static class ApiExamples
{
    public const string IngestOperationId = "IngestFailures";

    public const string AuditOperationId = "ListAuditEntries";

    public static JsonNode SyncFailureReported() => JsonNode.Parse("""
        {
          "eventId": "6f1c2e0a-8d4b-4c51-9a7e-2b3f4d5e6a71",
          "tenantId": "acme-eu",
          "engineId": "hubspot-salesforce-eu-1",
          "source": "salesforce",
          "direction": "toSalesforce",
          "objectType": "contact",
          "hubSpotId": "51234",
          "errors": [
            {
              "statusCode": "REQUIRED_FIELD_MISSING",
              "message": "Required fields are missing: [LastName]",
              "fields": ["LastName"]
            }
          ]
        }
        """)!;

    public static JsonNode InvalidFailureProblem() => JsonNode.Parse("""
        {
          "type": "https://tools.ietf.org/html/rfc9110#section-15.5.1",
          "title": "The failure events are not valid; none was accepted.",
          "status": 400,
          "errors": {
            "tenantId": ["\"acme eu\" is not a tenant id: 1 to 64 characters, letters, digits, '.', '_', ':' or '-', starting with a letter or digit."],
            "errors": ["must hold at least one error."]
          }
        }
        """)!;

    public static JsonNode AuditPage() => JsonNode.Parse("""
        {
          "items": [
            {
              "id": "019af8a6c2d07b3e9a41c5d2e8f60b17",
              "at": "2026-12-07T10:15:02.481Z",
              "principal": "ada",
              "action": "record-links.changed",
              "subject": null,
              "before": { "hubSpotPortalId": "4712", "hubSpotAppUrl": null, "salesforceInstanceUrl": null },
              "after": { "hubSpotPortalId": "4712", "hubSpotAppUrl": null, "salesforceInstanceUrl": "https://acme.my.salesforce.com" }
            },
            {
              "id": "019af8a1f3a47c0d8b12e6f4a9c3d580",
              "at": "2026-12-07T10:09:47.120Z",
              "principal": "otto",
              "action": "resync",
              "subject": { "requestId": "5b7e2c1a-9d4f-4e8b-a6c3-2f1d0e9b8a71", "errorIds": ["3f9c0e1a2b4c5d6e7f801234"], "errors": 1 },
              "before": null,
              "after": null
            }
          ],
          "next": "NjM5MzIyMzQ5ODcxMjAwMDAwOjAxOWFmOGExZjNhNDdjMGQ4YjEyZTZmNGE5YzNkNTgw"
        }
        """)!;

    public static JsonNode UnauthorizedProblem() => JsonNode.Parse("""
        {
          "type": "https://tools.ietf.org/html/rfc9110#section-15.5.2",
          "title": "Unauthorized",
          "status": 401,
          "detail": "Send a valid API key in the X-Api-Key header."
        }
        """)!;

    /// <summary>Sets <paramref name="example"/> on the response's <paramref name="mediaType"/> content, unless it has one.</summary>
    public static void OnResponse(OpenApiOperation operation, string status, string mediaType, JsonNode example)
    {
        if (operation.Responses?.TryGetValue(status, out var response) == true
            && response.Content?.TryGetValue(mediaType, out var content) == true)
        {
            content.Example ??= example;
        }
    }
}
