using EventSync.Contracts;
using EventSync.Core.Catalog;
using EventSync.Notifications.Alerts;

namespace EventSync.Notifications.Texts;

/// <summary>
/// Every text of the emails (subjects, headings, labels) in English and Polish. Texts with <c>{0}</c>.. are composite
/// formats, filled with the invariant culture. Error titles, meanings and fixes come from the error catalog.
/// </summary>
internal sealed record NotificationTexts
{
    public static NotificationTexts En { get; } = new()
    {
        Language = "en",
        DigestSubject = "EventSync {0} digest for {1} (current sync errors: {2})",
        Daily = "daily",
        Weekly = "weekly",
        Test = "test",
        Immediate = "immediate",
        DigestHeading = "Sync errors of {0}",
        Period = "Period",
        CurrentErrors = "Current errors",
        AffectedRecords = "Affected records",
        NewErrors = "New in the period",
        ResolvedErrors = "Resolved in the period",
        StillOpen = "Still open from before the period",
        Ignored = "Ignored (left out of these figures)",
        ErrorTypesHeading = "What fails and how to fix it",
        Fix = "How to fix",
        TopRecordsHeading = "Most affected records",
        AssigneesHeading = "Assigned current errors",
        UnknownGroupsHeading = "Distinct unknown problems (send these to support with their sample)",
        Record = "Record",
        Errors = "Errors",
        ChartHeading = "Errors per category in the period",
        NothingToReport = "No sync errors to report for this period.",
        DashboardLink = "Open the sync health dashboard",
        Footer = "You get this email because of the notification settings of {0}.",
        AlertSubject = "EventSync: new sync errors for {1} ({0})",
        AlertHeading = "New sync errors of {0}",
        AlertIntro = "Between {0} and {1}, errors that are new, came back, or no longer resolve by themselves: {2}.",
        AndMore = "... and {0} more.",
        ReasonNew = "new",
        ReasonReopened = "back again",
        ReasonSurfaced = "kept failing after automatic retries",
        AssignedSubject = "EventSync: {0} sync errors of {1} assigned to you",
        AssignedSubjectOne = "EventSync: {0} sync error of {1} assigned to you",
        AssignedHeading = "Sync errors of {0} assigned to you",
        AssignedIntro = "These errors are assigned to you and still need fixing: {0}.",
        AssignedBy = "Assigned by",
    };

    public static NotificationTexts Pl { get; } = new()
    {
        Language = "pl",
        DigestSubject = "EventSync: {0} podsumowanie dla {1} (bieżące błędy synchronizacji: {2})",
        Daily = "dzienne",
        Weekly = "tygodniowe",
        Test = "testowe",
        Immediate = "natychmiastowe",
        DigestHeading = "Błędy synchronizacji: {0}",
        Period = "Okres",
        CurrentErrors = "Bieżące błędy",
        AffectedRecords = "Rekordy z błędami",
        NewErrors = "Nowe w okresie",
        ResolvedErrors = "Rozwiązane w okresie",
        StillOpen = "Nadal otwarte sprzed okresu",
        Ignored = "Ignorowane (pominięte w tych liczbach)",
        ErrorTypesHeading = "Co nie działa i jak to naprawić",
        Fix = "Jak naprawić",
        TopRecordsHeading = "Rekordy z największą liczbą błędów",
        AssigneesHeading = "Przypisane bieżące błędy",
        UnknownGroupsHeading = "Różne nierozpoznane problemy (przekaż je pomocy technicznej z przykładem)",
        Record = "Rekord",
        Errors = "Błędy",
        ChartHeading = "Błędy według kategorii w okresie",
        NothingToReport = "Brak błędów synchronizacji w tym okresie.",
        DashboardLink = "Otwórz panel stanu synchronizacji",
        Footer = "Otrzymujesz tę wiadomość zgodnie z ustawieniami powiadomień konta {0}.",
        AlertSubject = "EventSync: nowe błędy synchronizacji dla {1} ({0})",
        AlertHeading = "Nowe błędy synchronizacji: {0}",
        AlertIntro = "Od {0} do {1} błędy nowe, powracające lub takie, które nie ustępują same: {2}.",
        AndMore = "... i {0} więcej.",
        ReasonNew = "nowy",
        ReasonReopened = "powrócił",
        ReasonSurfaced = "nie ustąpił po automatycznych ponowieniach",
        AssignedSubject = "EventSync: przypisane do Ciebie błędy synchronizacji dla {1} ({0})",
        AssignedSubjectOne = "EventSync: przypisany do Ciebie błąd synchronizacji dla {1} ({0})",
        AssignedHeading = "Przypisane do Ciebie błędy synchronizacji: {0}",
        AssignedIntro = "Te błędy są przypisane do Ciebie i nadal wymagają naprawy: {0}.",
        AssignedBy = "Przypisane przez",
    };

    public required string Language { get; init; }

    public required string DigestSubject { get; init; }

    public required string Daily { get; init; }

    public required string Weekly { get; init; }

    public required string Test { get; init; }

    public required string Immediate { get; init; }

    public required string DigestHeading { get; init; }

    public required string Period { get; init; }

    public required string CurrentErrors { get; init; }

    public required string AffectedRecords { get; init; }

    public required string NewErrors { get; init; }

    public required string ResolvedErrors { get; init; }

    public required string StillOpen { get; init; }

    public required string Ignored { get; init; }

    public required string ErrorTypesHeading { get; init; }

    public required string Fix { get; init; }

    public required string TopRecordsHeading { get; init; }

    public required string AssigneesHeading { get; init; }

    public required string UnknownGroupsHeading { get; init; }

    public required string Record { get; init; }

    public required string Errors { get; init; }

    public required string ChartHeading { get; init; }

    public required string NothingToReport { get; init; }

    public required string DashboardLink { get; init; }

    public required string Footer { get; init; }

    public required string AlertSubject { get; init; }

    public required string AlertHeading { get; init; }

    public required string AlertIntro { get; init; }

    public required string AndMore { get; init; }

    public required string ReasonNew { get; init; }

    public required string ReasonReopened { get; init; }

    public required string ReasonSurfaced { get; init; }

    /// <summary>The subject of an assignment email of several errors: {0} errors of tenant {1}.</summary>
    public required string AssignedSubject { get; init; }

    /// <summary>The subject of an assignment email of one error.</summary>
    public required string AssignedSubjectOne { get; init; }

    public required string AssignedHeading { get; init; }

    public required string AssignedIntro { get; init; }

    public required string AssignedBy { get; init; }

    /// <summary>The texts of the supported language closest to <paramref name="language"/> (as the catalog picks it).</summary>
    public static NotificationTexts For(string? language) => LocalizedText.LanguageFor(language) == "pl" ? Pl : En;

    public static string Format(string format, params object[] values) => string.Format(System.Globalization.CultureInfo.InvariantCulture, format, values);

    public string NameOf(DigestFrequency frequency, bool test) =>
        test ? Test : frequency switch
        {
            DigestFrequency.Daily => Daily,
            DigestFrequency.Weekly => Weekly,
            _ => Immediate,
        };

    public string AssignedSubjectFor(int errors, string tenantId) => Format(errors == 1 ? AssignedSubjectOne : AssignedSubject, errors, tenantId);

    public string ReasonText(string reason) => reason switch
    {
        AlertReasons.Reopened => ReasonReopened,
        AlertReasons.Surfaced => ReasonSurfaced,
        _ => ReasonNew,
    };
}
