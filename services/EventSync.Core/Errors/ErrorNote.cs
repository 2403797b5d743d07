namespace EventSync.Core.Errors;

/// <summary>A note a person wrote on an error: who (the name of the API key), when, and the text.</summary>
public sealed record ErrorNote(string Author, DateTimeOffset At, string Text)
{
    public const int MaxTextLength = 2000;
}
