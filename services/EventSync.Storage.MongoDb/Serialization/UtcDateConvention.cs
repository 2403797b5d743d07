using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Bson.Serialization.Conventions;
using MongoDB.Bson.Serialization.Serializers;

namespace EventSync.Storage.MongoDb.Serialization;

/// <summary>
/// Every <see cref="DateTimeOffset"/> is stored as a UTC BSON date, so that range queries and indexes work on it;
/// the offset is not kept (values come back in UTC) and precision is one millisecond.
/// </summary>
internal sealed class UtcDateConvention : ConventionBase, IMemberMapConvention
{
    private static readonly DateTimeOffsetSerializer UtcDate = new(BsonType.DateTime);

    public void Apply(BsonMemberMap memberMap)
    {
        if (memberMap.MemberType == typeof(DateTimeOffset))
        {
            memberMap.SetSerializer(UtcDate);
        }
        else if (memberMap.MemberType == typeof(DateTimeOffset?))
        {
            memberMap.SetSerializer(new NullableSerializer<DateTimeOffset>(UtcDate));
        }
    }
}
