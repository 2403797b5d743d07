namespace EventSync.Core.Classification;

/// <summary>The conditions a classification rule can set; an explanation names the ones an error missed.</summary>
[Flags]
public enum RuleCondition
{
    None = 0,
    Code = 1,
    Source = 2,
    Direction = 4,
    ObjectType = 8,
    Message = 16,
    MessageNot = 32,
    Field = 64,

    /// <summary>Every condition held, but an earlier rule decided first.</summary>
    Order = 128,
}
