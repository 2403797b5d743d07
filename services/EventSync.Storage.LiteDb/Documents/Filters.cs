using LiteDB;

namespace EventSync.Storage.LiteDb.Documents;

/// <summary>
/// Filters with their values as parameters. LiteDB's <c>Query.EQ/In/Between</c> write the values into the expression text,
/// and LiteDB parses and caches every distinct text for good: each lookup then costs a parse and a few kilobytes never
/// freed. Here the text is the same for every call, so it is parsed once; the values travel as <c>@0</c>, <c>@1</c>.
/// </summary>
internal static class Filters
{
    public static BsonExpression Equal(string field, BsonValue value) => BsonExpression.Create($"{field} = @0", value);

    public static BsonExpression In(string field, IEnumerable<BsonValue> values) => BsonExpression.Create($"{field} IN @0", new BsonArray(values));

    public static BsonExpression Between(string field, BsonValue lower, BsonValue upper) => BsonExpression.Create($"{field} BETWEEN @0 AND @1", lower, upper);

    public static BsonExpression GreaterThan(string field, BsonValue value) => BsonExpression.Create($"{field} > @0", value);

    public static BsonExpression AtMost(string field, BsonValue value) => BsonExpression.Create($"{field} <= @0", value);
}
