using System.Collections.Generic;
using System.Text.RegularExpressions;
using FeishuGen.Generator.Model;

namespace FeishuGen.Generator.Reading;

/// <summary>The request section's basic table: URL, method, tokens, app types and scopes.</summary>
internal sealed class BasicTable
{
    private static readonly Regex UrlPattern = new(@"(https?://[A-Za-z0-9.\-]+(?::\d+)?/[^\s`<>|)""']*)", RegexOptions.Compiled);
    private static readonly Regex TokenWord = new(@"\b(tenant|user|app)_access_token\b", RegexOptions.Compiled);
    private static readonly Regex Break = LineBreaks.Tag;
    private static readonly Regex KeyedScopes = new(@"`([a-z][\w.-]*:[^`]+)`\s*([^`]*)", RegexOptions.Compiled);

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
            if (row.Cells.Count == 0)
            {
                continue;
            }

            if (row.Cells.Count == 1)
            {
                table.ReadUnlabelled(row.Cells[0].Trim(), row.Line, scopeRows);
                continue;
            }

            var key = row.Cells[0].Trim();
            var value = row.Cells[1].Trim();

            // Standard Markdown keeps the label's tooltip in the cell: "权限要求 调用该 API 所需的权限…".
            if (key.StartsWith("权限要求", System.StringComparison.Ordinal))
            {
                key = "权限要求";
            }
            if (value.Length == 0 && table.ReadUnlabelled(key, row.Line, scopeRows))
            {
                continue;
            }

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
                    var pairs = KeyedScopes.Matches(value);
                    if (pairs.Count > 0)
                    {
                        // Standard Markdown pairs each key with its name: `hire:exam` 更新笔试信息 `hire:exam:readonly` 获取笔试信息.
                        var names = new List<string>();
                        var keys = new List<string>();
                        foreach (Match pair in pairs)
                        {
                            keys.Add(pair.Groups[1].Value.Trim());
                            names.Add(pair.Groups[2].Value.Trim());
                        }

                        scopeRows.Add(string.Join("<br>", names));
                        scopeRows.Add(string.Join("<br>", keys));
                    }
                    else
                    {
                        scopeRows.Add(value);
                    }

                    break;
            }
        }

        table.PairScopes(scopeRows);
        return table;
    }

    /// <summary>
    /// Older pages list the basic facts without labels, one per row: URL, method, a rate limit or
    /// the token types, then the permissions by display name.
    /// </summary>
    private bool ReadUnlabelled(string cell, int line, List<string> scopeRows)
    {
        if (cell.Length == 0)
        {
            return true;
        }

        var url = UrlPattern.Match(cell);
        if (url.Success && Url is null && cell.TrimStart('`').StartsWith("http", System.StringComparison.OrdinalIgnoreCase))
        {
            Url = url.Groups[1].Value.Trim();
            UrlLine = line;
            return true;
        }

        var method = cell.Trim('`', ' ').ToUpperInvariant();
        if (method is "GET" or "POST" or "PUT" or "PATCH" or "DELETE")
        {
            if (Method is null)
            {
                Method = method;
                RawMethod = cell;
                MethodLine = line;
            }

            return true;
        }

        if (TokenWord.IsMatch(cell))
        {
            foreach (Match token in TokenWord.Matches(cell))
            {
                Tokens.Add((token.Value, line));
            }

            return true;
        }

        if (cell.Contains("次/") || cell == "无")
        {
            return true;
        }

        if (Url is not null && Method is not null)
        {
            scopeRows.Add(cell);
            return true;
        }

        return false;
    }

    /// <summary>Token types named in the 请求头 table's Authorization row, for pages whose basic table has none.</summary>
    public void AddTokensFrom(string text, int line)
    {
        if (Tokens.Count > 0)
        {
            return;
        }

        foreach (Match token in TokenWord.Matches(text))
        {
            Tokens.Add((token.Value, line));
        }
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
        if (keys.Count == 0)
        {
            // Older pages give display names only; a name that looks like a key is one.
            foreach (var name in names)
            {
                Scopes.Add(new ScopeModel(name, LooksLikeKey(name) ? name : string.Empty));
            }

            return;
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
