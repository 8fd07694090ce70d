using System.Collections.Generic;
using System.Text.RegularExpressions;
using FeishuGen.Generator.Model;

namespace FeishuGen.Generator.Reading;

/// <summary>The request section's basic table: URL, method, tokens, app types and scopes.</summary>
internal sealed class BasicTable
{
    private static readonly Regex UrlPattern = new(@"(https?://[^\s`<>|)]+?/open-apis/[^\s`<>|)]*)", RegexOptions.Compiled);
    private static readonly Regex Break = new(@"<br\s*/?>", RegexOptions.IgnoreCase | RegexOptions.Compiled);

    public string? Url { get; private set; }

    public int UrlLine { get; private set; } = -1;

    public string? Method { get; private set; }

    public string? RawMethod { get; private set; }

    public int MethodLine { get; private set; } = -1;

    public List<(string Token, int Line)> Tokens { get; } = new();

    public List<string> AppTypes { get; } = new();

    public List<ScopeModel> Scopes { get; } = new();

    public static BasicTable Read(IReadOnlyList<TableRow> rows)
    {
        var table = new BasicTable();
        var scopeRows = new List<string>();
        foreach (var row in rows)
        {
            if (row.Cells.Count < 2)
            {
                continue;
            }

            var key = row.Cells[0].Trim();
            var value = row.Cells[1].Trim();
            switch (key)
            {
                case "HTTP URL":
                    var match = UrlPattern.Match(value);
                    if (match.Success)
                    {
                        table.Url = match.Groups[1].Value.Trim();
                        table.UrlLine = row.Line;
                    }

                    break;
                case "HTTP Method":
                    table.RawMethod = value;
                    table.MethodLine = row.Line;
                    var method = value.Trim('`', ' ').ToUpperInvariant();
                    if (method is "GET" or "POST" or "PUT" or "PATCH" or "DELETE")
                    {
                        table.Method = method;
                    }

                    break;
                case "支持的访问令牌":
                    foreach (var token in value.Split(new[] { ',', '，', ' ', '\n' }, System.StringSplitOptions.RemoveEmptyEntries))
                    {
                        table.Tokens.Add((token.Trim().Trim('`'), row.Line));
                    }

                    break;
                case "支持的应用类型":
                    foreach (var appType in value.Split(new[] { ' ', ',', '，' }, System.StringSplitOptions.RemoveEmptyEntries))
                    {
                        table.AppTypes.Add(appType.Trim());
                    }

                    break;
                case "权限要求":
                    scopeRows.Add(value);
                    break;
            }
        }

        table.PairScopes(scopeRows);
        return table;
    }

    // Two 权限要求 rows: display names, then keys, paired by position only.
    private void PairScopes(List<string> scopeRows)
    {
        if (scopeRows.Count == 0)
        {
            return;
        }

        var names = SplitList(scopeRows[0]);
        var keys = scopeRows.Count > 1 ? SplitList(scopeRows[1]) : new List<string>();
        if (keys.Count == 0 && names.TrueForAll(LooksLikeKey))
        {
            keys = names;
        }

        for (var i = 0; i < keys.Count; i++)
        {
            Scopes.Add(new ScopeModel(i < names.Count ? names[i] : keys[i], keys[i]));
        }
    }

    private static List<string> SplitList(string cell)
    {
        var items = new List<string>();
        foreach (var part in Break.Split(cell))
        {
            var item = part.Trim();
            if (item.Length > 0)
            {
                items.Add(item);
            }
        }

        return items;
    }

    private static bool LooksLikeKey(string value) => value.IndexOf(':') > 0 && value.IndexOf(' ') < 0;
}
