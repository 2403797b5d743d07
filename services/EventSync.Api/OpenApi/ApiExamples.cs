using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace EventSync.Api.OpenApi;

/// <summary>
/// Examples the reference shows and tools can send: a realistic ingested failure (Salesforce refused a contact for a
/// missing last name), the 400 of an invalid event and the 401 of a missing key, as the API writes them.
/// </summary>
internal static class ApiExamples
{
    public const string IngestOperationId = "IngestFailures";

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
