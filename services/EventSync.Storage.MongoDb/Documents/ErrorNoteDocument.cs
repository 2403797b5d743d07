using EventSync.Core.Errors;

namespace EventSync.Storage.MongoDb.Documents;

/// <summary>An <see cref="ErrorNote"/> inside its error's document.</summary>
internal sealed class ErrorNoteDocument
{
    public string Author { get; set; } = "";

    public DateTimeOffset At { get; set; }

    public string Text { get; set; } = "";

    public static ErrorNoteDocument From(ErrorNote note) => new() { Author = note.Author, At = note.At, Text = note.Text };

    public ErrorNote ToNote() => new(Author, At, Text);
}
