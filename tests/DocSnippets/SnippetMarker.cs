using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace FeishuGen.DocSnippets;

/// <summary>
/// The marker before a fence: <c>&lt;!-- snippet: fragment specs="消息/上传图片.md" with="FeishuApi api" --&gt;</c>.
/// The first word is the kind; settings are <c>name="value"</c> or <c>name='value'</c> (single quotes
/// let a value hold double quotes, as a JSON body does).
/// </summary>
public static class SnippetMarker
{
    /// <summary>The settings each kind may carry.</summary>
    private static readonly Dictionary<SnippetKind, string[]> Allowed = new()
    {
        [SnippetKind.Program] = new[] { "specs", "packages" },
        [SnippetKind.Host] = new[] { "specs", "packages", "probe", "event", "body" },
        [SnippetKind.Fragment] = new[] { "specs", "packages", "with" },
        [SnippetKind.File] = new[] { "specs", "packages" },
        [SnippetKind.Usings] = Array.Empty<string>(),
        [SnippetKind.Skip] = new[] { "reason" },
    };

    private static readonly Regex Comment = new(@"^\s*<!--\s*snippet:\s*(?<kind>[a-z]+)(?<settings>.*?)-->\s*$", RegexOptions.Singleline | RegexOptions.Compiled);
    private static readonly Regex Setting = new(@"\G\s*(?<name>[a-z-]+)=(?:""(?<value>[^""]*)""|'(?<value>[^']*)')", RegexOptions.Compiled);

    /// <summary>Whether an HTML block is meant as a marker (it starts with <c>&lt;!-- snippet:</c>).</summary>
    public static bool IsMarker(string html) => html.TrimStart().StartsWith("<!-- snippet:", StringComparison.Ordinal) || html.TrimStart().StartsWith("<!--snippet:", StringComparison.Ordinal);

    /// <summary>Reads a marker; <paramref name="error"/> says what is wrong when it returns false.</summary>
    public static bool TryParse(string html, out SnippetKind kind, out Dictionary<string, string> settings, out string? error)
    {
        kind = SnippetKind.Skip;
        settings = new Dictionary<string, string>(StringComparer.Ordinal);
        error = null;
        var match = Comment.Match(html);
        if (!match.Success)
        {
            error = "a snippet marker is one HTML comment: <!-- snippet: program|host|fragment|file|usings|skip name=\"value\" … -->";
            return false;
        }

        if (!Enum.TryParse(match.Groups["kind"].Value, ignoreCase: true, out kind) || !Enum.IsDefined(kind))
        {
            error = $"'{match.Groups["kind"].Value}' is not a snippet kind: program, host, fragment, file, usings or skip";
            return false;
        }

        var text = match.Groups["settings"].Value;
        var at = 0;
        while (at < text.Length)
        {
            var setting = Setting.Match(text, at);
            if (!setting.Success)
            {
                if (text.Substring(at).Trim().Length > 0)
                {
                    error = $"cannot read '{text.Substring(at).Trim()}': settings are name=\"value\" or name='value'";
                    return false;
                }

                break;
            }

            var name = setting.Groups["name"].Value;
            if (Array.IndexOf(Allowed[kind], name) < 0)
            {
                error = $"a {kind.ToString().ToLowerInvariant()} snippet takes no '{name}' (it takes: {(Allowed[kind].Length == 0 ? "nothing" : string.Join(", ", Allowed[kind]))})";
                return false;
            }

            settings[name] = setting.Groups["value"].Value;
            at = setting.Index + setting.Length;
        }

        if (kind == SnippetKind.Skip && (!settings.TryGetValue("reason", out var reason) || reason.Trim().Length == 0))
        {
            error = "a skipped block says why: <!-- snippet: skip reason=\"shell commands\" -->";
            return false;
        }

        if (kind == SnippetKind.Host && settings.TryGetValue("probe", out var probe) && !(probe == "long-connection" || probe.StartsWith("webhook:/", StringComparison.Ordinal)))
        {
            error = $"probe=\"{probe}\" is neither \"webhook:/path\" nor \"long-connection\"";
            return false;
        }

        if (kind == SnippetKind.Host && settings.ContainsKey("probe") != settings.ContainsKey("event"))
        {
            error = "a probed host names the event to send (event=\"im.message.receive_v1\"), and an event needs a probe";
            return false;
        }

        return true;
    }
}
