using System.Text.Json;
using EventSync.Api.Security;
using EventSync.Core.Audit;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace EventSync.Api.Audit;

/// <summary>
/// Records a change in the tenant's audit trail, from a route that made it: the request's principal, the time, the
/// action (one of <see cref="AuditActions"/>), what it touched and the values before and after, each written as the
/// API writes JSON (camelCase). Call it once the change is stored; pass views of the values, never secrets.
/// </summary>
internal sealed class AuditRecorder(IAuditTrailStore store, TimeProvider clock, IOptions<JsonOptions> json)
{
    public Task RecordAsync(
        HttpContext http, string tenantId, string action, object? subject, object? before, object? after, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var entry = AuditEntry.Create(tenantId, clock.GetUtcNow(), http.ApiPrincipal().Name, action, Json(subject), Json(before), Json(after));
        return store.AppendAsync(entry, cancellationToken);
    }

    private JsonElement? Json(object? value) =>
        value is null ? null : JsonSerializer.SerializeToElement(value, value.GetType(), json.Value.SerializerOptions);
}
