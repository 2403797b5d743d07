namespace EventSync.Core.Validation;

/// <summary>One thing wrong with a message, with the JSON path of the field it is about.</summary>
public sealed record ValidationProblem(string Field, string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}
