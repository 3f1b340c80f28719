using System.Text;
using System.Text.Json;
using Arbiter.Model;

namespace Arbiter.Testing;

/// <summary>
/// Reads tuples from CSV as <c>fga tuple write</c> accepts it: a header row naming the columns
/// <c>user_type, user_id, user_relation, relation, object_type, object_id, condition_name, condition_context</c>
/// (the last three optional, <c>condition_context</c> as JSON).
/// </summary>
internal static class CsvTupleReader
{
    private static readonly string[] KnownColumns =
        ["user_type", "user_id", "user_relation", "relation", "object_type", "object_id", "condition_name", "condition_context"];

    private static readonly string[] RequiredColumns = ["user_type", "user_id", "relation", "object_type", "object_id"];

    public static List<RelationshipTuple> Read(string text, string? source, List<ModelDiagnostic> diagnostics)
    {
        var tuples = new List<RelationshipTuple>();
        var rows = ParseRows(text);
        if (rows.Count == 0)
        {
            diagnostics.Add(new ModelDiagnostic("empty-file", "the CSV file has no header row") { Source = source });
            return tuples;
        }
        var (headerLine, header) = rows[0];
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i].Trim();
            if (Array.IndexOf(KnownColumns, name) < 0)
            {
                Report(diagnostics, source, headerLine, "invalid-header",
                    $"invalid CSV header '{name}': the columns are {string.Join(",", KnownColumns)}");
                return tuples;
            }
            columns[name] = i;
        }
        foreach (var required in RequiredColumns)
        {
            if (!columns.ContainsKey(required))
            {
                Report(diagnostics, source, headerLine, "missing-column", $"the CSV header has no '{required}' column");
            }
        }
        if (columns.ContainsKey("condition_context") && !columns.ContainsKey("condition_name"))
        {
            Report(diagnostics, source, headerLine, "missing-column", "the CSV column 'condition_context' needs a 'condition_name' column");
        }
        if (diagnostics.Count > 0)
        {
            return tuples;
        }
        foreach (var (line, row) in rows.Skip(1))
        {
            if (row.Count == 1 && row[0].Length == 0)
            {
                continue;
            }
            string Cell(string column) => columns.TryGetValue(column, out var i) && i < row.Count ? row[i].Trim() : string.Empty;
            var user = Cell("user_type") + ":" + Cell("user_id");
            if (Cell("user_relation") is { Length: > 0 } userRelation)
            {
                user += "#" + userRelation;
            }
            var @object = Cell("object_type") + ":" + Cell("object_id");
            TupleCondition? condition = null;
            if (Cell("condition_name") is { Length: > 0 } conditionName)
            {
                IReadOnlyDictionary<string, object?>? context = null;
                if (Cell("condition_context") is { Length: > 0 } json)
                {
                    if (!JsonValues.TryParseObject(json, out context, out var error))
                    {
                        Report(diagnostics, source, line, "invalid-context", $"invalid condition_context: {error}");
                        continue;
                    }
                }
                condition = new TupleCondition(conditionName, context);
            }
            try
            {
                tuples.Add(RelationshipTuple.Create(@object, Cell("relation"), user, condition));
            }
            catch (TupleFormatException ex)
            {
                Report(diagnostics, source, line, "invalid-tuple", ex.Message);
            }
        }
        return tuples;
    }

    private static void Report(List<ModelDiagnostic> diagnostics, string? source, int line, string code, string message) =>
        diagnostics.Add(new ModelDiagnostic(code, message, SourceSpan.OnLine(line, 1, 1)) { Source = source });

    /// <summary>Splits CSV text into rows (RFC 4180: quoted fields may hold commas, quotes and line breaks), with each row's line.</summary>
    private static List<(int Line, List<string> Cells)> ParseRows(string text)
    {
        var rows = new List<(int, List<string>)>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var line = 1;
        var rowLine = 1;
        var quoted = false;
        var any = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') { quoted = false; }
                else { if (c == '\n') { line++; } cell.Append(c); }
                continue;
            }
            switch (c)
            {
                case '"': quoted = true; any = true; break;
                case ',': cells.Add(cell.ToString()); cell.Clear(); any = true; break;
                case '\r': break;
                case '\n':
                    cells.Add(cell.ToString());
                    cell.Clear();
                    if (any || cells.Count > 1 || cells[0].Length > 0) { rows.Add((rowLine, cells)); }
                    cells = [];
                    any = false;
                    line++;
                    rowLine = line;
                    break;
                default: cell.Append(c); any = true; break;
            }
        }
        if (any || cell.Length > 0)
        {
            cells.Add(cell.ToString());
            rows.Add((rowLine, cells));
        }
        return rows;
    }
}
