using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Data;

/// <summary>
/// Recognises a save refused by a unique index or primary key, on each provider we run on, from the
/// <see cref="DbException"/> inside EF Core's <see cref="DbUpdateException"/>: SQLite's extended result codes
/// <c>SQLITE_CONSTRAINT_UNIQUE</c> (2067) and <c>SQLITE_CONSTRAINT_PRIMARYKEY</c> (1555) under the primary code 19
/// (https://www.sqlite.org/rescode.html), PostgreSQL's SQLSTATE <c>23505</c> unique_violation
/// (https://www.postgresql.org/docs/current/errcodes-appendix.html), SQL Server's errors 2601 (duplicate key in a unique
/// index) and 2627 (unique or primary key constraint). Read from <see cref="DbException.SqlState"/> (PostgreSQL) and
/// SQLite's and SQL Server's own error numbers.
/// </summary>
public static class UniqueViolation
{
    /// <summary>True when <paramref name="exception"/> (or an exception inside it) is a unique-index violation.</summary>
    public static bool Is(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case Microsoft.Data.Sqlite.SqliteException sqlite:
                    if (sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode is 2067 or 1555) return true;
                    break;
                case Microsoft.Data.SqlClient.SqlException sqlServer:
                    if (sqlServer.Number is 2601 or 2627) return true;
                    break;
                case DbException db:
                    if (db.SqlState == "23505") return true;
                    break;
            }
        }

        return false;
    }
}
