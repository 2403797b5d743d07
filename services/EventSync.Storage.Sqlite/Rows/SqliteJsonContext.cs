using System.Text.Json;
using System.Text.Json.Serialization;
using EventSync.Core.Errors;
using EventSync.Core.Notifications;
using EventSync.Core.Resync;
using EventSync.Core.Views;
using EventSync.Core.Webhooks;

namespace EventSync.Storage.Sqlite.Rows;

/// <summary>The JSON of the stored bodies, generated at build time (no reflection per value): the wire's settings.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, MaxDepth = 32)]
[JsonSerializable(typeof(SyncError))]
[JsonSerializable(typeof(ResyncRequestRecord))]
[JsonSerializable(typeof(List<BudgetSpend>))]
[JsonSerializable(typeof(IReadOnlyList<BudgetSpend>))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(NotificationSettings))]
[JsonSerializable(typeof(AffectedRecordsView))]
[JsonSerializable(typeof(AlertWindow))]
[JsonSerializable(typeof(List<WebhookEndpoint>))]
[JsonSerializable(typeof(WebhookDeliveryOutcome))]
internal sealed partial class SqliteJsonContext : JsonSerializerContext;
