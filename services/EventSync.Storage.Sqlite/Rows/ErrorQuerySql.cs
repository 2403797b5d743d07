using System.Text;
using EventSync.Core.Errors;
using Microsoft.Data.Sqlite;

namespace EventSync.Storage.Sqlite.Rows;

/// <summary>
/// An <see cref="ErrorQuery"/> as SQL conditions on <c>sync_errors</c>. The text names only the filters that are set, so
/// that each combination is one prepared statement; <see cref="Bind"/> gives their values.
/// </summary>
internal static class ErrorQuerySql
{
    private static readonly string[] TextColumns = ["message", "status_code", "hubspot_id", "salesforce_id"];

    public static string Conditions(ErrorQuery query)
    {
        var sql = new StringBuilder("tenant_id = @tenant");
        if (query.ErrorType is not null)
        {
            sql.Append(" AND error_type = @errorType");
        }

        if (query.Category is not null)
        {
            sql.Append(" AND category = @category");
        }

        if (query.State is not null)
        {
            sql.Append(" AND state = @state");
        }
        else if (query.CurrentOnly)
        {
            sql.Append(" AND state IN (@open, @resyncPending)");
        }

        if (query.ObjectType is not null)
        {
            sql.Append(" AND object_type = @objectType");
        }

        if (query.SeenFrom is not null)
        {
            sql.Append(" AND last_seen >= @seenFrom");
        }

        if (query.SeenTo is not null)
        {
            sql.Append(" AND last_seen < @seenTo");
        }

        if (query.Fingerprint is not null)
        {
            sql.Append(" AND fingerprint = @fingerprint");
        }

        if (query.Assignee is not null)
        {
            sql.Append(" AND assignee = @assignee");
        }
        else if (query.Unassigned)
        {
            sql.Append(" AND assignee IS NULL");
        }

        if (!string.IsNullOrEmpty(query.Text))
        {
            sql.Append(" AND (")
                .AppendJoin(" OR ", TextColumns.Select(c => $"{SqliteTextSearch.FunctionName}({c}, @text)"))
                .Append(')');
        }

        return sql.ToString();
    }

    public static SqliteCommand Bind(SqliteCommand command, ErrorQuery query)
    {
        command.With("@tenant", query.TenantId);
        if (query.ErrorType is not null)
        {
            command.With("@errorType", query.ErrorType);
        }

        if (query.Category is not null)
        {
            command.With("@category", query.Category);
        }

        if (query.State is { } state)
        {
            command.With("@state", (int)state);
        }
        else if (query.CurrentOnly)
        {
            command.With("@open", (int)SyncErrorState.Open).With("@resyncPending", (int)SyncErrorState.ResyncPending);
        }

        if (query.ObjectType is not null)
        {
            command.With("@objectType", SyncErrorKeys.ObjectType(query.ObjectType));
        }

        if (query.SeenFrom is { } from)
        {
            command.With("@seenFrom", from.UtcTicks);
        }

        if (query.SeenTo is { } to)
        {
            command.With("@seenTo", to.UtcTicks);
        }

        if (query.Fingerprint is not null)
        {
            command.With("@fingerprint", query.Fingerprint);
        }

        if (query.Assignee is not null)
        {
            command.With("@assignee", query.Assignee);
        }

        if (!string.IsNullOrEmpty(query.Text))
        {
            command.With("@text", query.Text);
        }

        return command;
    }

    public static void Validate(ErrorQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentException.ThrowIfNullOrWhiteSpace(query.TenantId, nameof(query));
    }
}
