using EventSync.Contracts;
using EventSync.Core.Errors;
using EventSync.Storage.MongoDb.Documents;
using EventSync.Storage.MongoDb.Serialization;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Bson.Serialization.Conventions;
using MongoDB.Bson.Serialization.Serializers;

namespace EventSync.Storage.MongoDb;

/// <summary>
/// The BSON shape of the documents: camelCase names, absent instead of null, states as their wire names, dates as
/// UTC BSON dates. The driver's registries are process-wide, so this runs once, before any document is serialized.
/// </summary>
internal static class MongoMappings
{
    private static readonly Lock Gate = new();
    private static bool _registered;

    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (_registered)
            {
                return;
            }

            var conventions = new ConventionPack
            {
                new CamelCaseElementNameConvention(),
                new IgnoreExtraElementsConvention(true),
                new IgnoreIfNullConvention(true),
                new UtcDateConvention(),
            };
            var documentsNamespace = typeof(SyncErrorDocument).Namespace;
            ConventionRegistry.Register("EventSync.Storage.MongoDb", conventions, type => type.Namespace == documentsNamespace);

            BsonClassMap.TryRegisterClassMap<SyncErrorDocument>(map =>
            {
                map.AutoMap();
                map.MapIdMember(d => d.Id);
                map.GetMemberMap(d => d.State).SetSerializer(new SyncErrorStateSerializer());
            });
            BsonClassMap.TryRegisterClassMap<ApiUsageDocument>(map =>
            {
                map.AutoMap();
                map.MapIdMember(d => d.TenantId);
            });
            BsonClassMap.TryRegisterClassMap<ReportedErrorDocument>(map =>
            {
                map.AutoMap();
                map.GetMemberMap(d => d.ContextJson).SetElementName("context");
            });
            BsonClassMap.TryRegisterClassMap<ErrorOccurrenceEntryDocument>(map => map.AutoMap());
            BsonClassMap.TryRegisterClassMap<OutboxEntryDocument>(map => map.AutoMap());
            BsonClassMap.TryRegisterClassMap<ErrorCardCountDocument>(map =>
            {
                map.AutoMap();
                map.MapIdMember(d => d.Id);
            });
            BsonClassMap.TryRegisterClassMap<ErrorCardRecordDocument>(map =>
            {
                map.AutoMap();
                map.MapIdMember(d => d.Id);
            });
            BsonClassMap.TryRegisterClassMap<StoreMetaDocument>(map =>
            {
                map.AutoMap();
                map.MapIdMember(d => d.Id);
            });
            BsonClassMap.TryRegisterClassMap<RebuildLeaseDocument>(map =>
            {
                map.AutoMap();
                map.MapIdMember(d => d.Id);
            });
            BsonClassMap.TryRegisterClassMap<NotificationSettingsDocument>(map =>
            {
                map.AutoMap();
                map.MapIdMember(d => d.TenantId);
                map.GetMemberMap(d => d.Frequency).SetSerializer(new EnumSerializer<DigestFrequency>(BsonType.String));
            });
            BsonClassMap.TryRegisterClassMap<RecordLinkSettingsDocument>(map =>
            {
                map.AutoMap();
                map.MapIdMember(d => d.TenantId);
            });
            BsonClassMap.TryRegisterClassMap<WebhookEndpointsDocument>(map =>
            {
                map.AutoMap();
                map.MapIdMember(d => d.TenantId);
            });
            BsonClassMap.TryRegisterClassMap<WebhookDeliveryDocument>(map =>
            {
                map.AutoMap();
                map.MapIdMember(d => d.Id);
            });
            BsonClassMap.TryRegisterClassMap<AuditEntryDocument>(map =>
            {
                map.AutoMap();
                map.MapIdMember(d => d.Id);
            });
            BsonClassMap.TryRegisterClassMap<ErrorQueryDocument>(map =>
            {
                map.AutoMap();
                map.GetMemberMap(d => d.State).SetSerializer(new NullableSerializer<SyncErrorState>(new SyncErrorStateSerializer()));
            });
            BsonClassMap.TryRegisterClassMap<ViewDocument>(map =>
            {
                map.AutoMap();
                map.MapIdMember(d => d.Id);
            });
            BsonClassMap.TryRegisterClassMap<AffectedRecordDocument>(map =>
            {
                map.AutoMap();
                map.MapIdMember(d => d.Id);
            });
            BsonClassMap.TryRegisterClassMap<UnknownErrorGroupDocument>(map =>
            {
                map.AutoMap();
                map.MapIdMember(d => d.Id);
            });
            _registered = true;
        }
    }

    /// <summary>The stored name of a document member, as the class map has it.</summary>
    public static string ElementName<TDocument>(string memberName) =>
        BsonClassMap.LookupClassMap(typeof(TDocument)).GetMemberMap(memberName).ElementName;
}
