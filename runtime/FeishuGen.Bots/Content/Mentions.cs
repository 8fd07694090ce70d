using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace FeishuGen.Bots;

/// <summary>
/// Someone a received message mentions: the placeholder that stands for them in the content
/// (<c>@_user_1</c>, or <c>@_all</c> for everyone) and who they are.
/// </summary>
public sealed record MessageMention
{
    /// <summary>The placeholder in the content, e.g. <c>@_user_1</c>; <c>@_all</c> for everyone.</summary>
    public required string Key { get; init; }

    /// <summary>The name shown.</summary>
    public string? Name { get; init; }

    /// <summary>The open_id (from an event, or a reply whose id_type is open_id).</summary>
    public string? OpenId { get; init; }

    /// <summary>The user_id, when the app may see it.</summary>
    public string? UserId { get; init; }

    /// <summary>The union_id.</summary>
    public string? UnionId { get; init; }

    /// <summary><c>user</c> or <c>bot</c>, when the event says.</summary>
    public string? MentionedType { get; init; }

    /// <summary>The tenant of the one mentioned.</summary>
    public string? TenantKey { get; init; }

    /// <summary>Whether this mentions everyone (<c>@_all</c>).</summary>
    public bool IsAll => Key == "@_all";

    /// <summary>Whether this mentions this bot (set by the bot, which knows its own open_id).</summary>
    public bool IsSelf { get; init; }
}

/// <summary>
/// Someone to mention in a message on the way out: a user by open_id, user_id or union_id, or
/// everyone (<see cref="All"/>, where the group allows it). <see cref="Content.Text(string, Mention[])"/>
/// and the card and post builders write it in each format's syntax.
/// </summary>
/// <param name="UserId">The id, or <c>all</c>.</param>
/// <param name="Name">The name to show (optional; Feishu shows the real name).</param>
public sealed record Mention(string UserId, string? Name = null)
{
    /// <summary>Everyone in the group.</summary>
    public static Mention All { get; } = new("all");

    /// <summary>A user by open_id (or user_id, union_id).</summary>
    /// <param name="id">The id.</param>
    /// <param name="name">The name to show.</param>
    public static Mention User(string id, string? name = null) => new(id, name);

    /// <summary>The text-message form: <c>&lt;at user_id="…"&gt;name&lt;/at&gt;</c>.</summary>
    public string ToTextTag() => "<at user_id=\"" + Escape(UserId) + "\">" + Escape(Name ?? string.Empty) + "</at>";

    /// <summary>The card Markdown form: <c>&lt;at id=…&gt;&lt;/at&gt;</c>.</summary>
    public string ToCardTag() => "<at id=" + Escape(UserId) + "></at>";

    /// <summary>The post node.</summary>
    public PostAt ToPostNode() => new() { UserId = UserId, UserName = Name };

    private static string Escape(string value) => value.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;");
}

/// <summary>Placeholders to names: each <c>@_user_N</c> token matched whole, so <c>@_user_1</c> never eats <c>@_user_10</c>.</summary>
internal static partial class MentionText
{
    [GeneratedRegex(@"@_user_\d+|@_all", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    public static string Resolve(string text, IReadOnlyList<MessageMention>? mentions)
    {
        if (mentions is null || mentions.Count == 0 || text.IndexOf("@_", System.StringComparison.Ordinal) < 0)
        {
            return text;
        }

        return Placeholder().Replace(text, m => Find(m.Value, mentions) is { } found ? "@" + (found.Name ?? (found.IsAll ? "所有人" : found.Key)) : m.Value);
    }

    /// <summary>The text with the mentions of this bot taken out (what a command parser wants).</summary>
    public static string WithoutSelf(string text, IReadOnlyList<MessageMention>? mentions)
    {
        if (mentions is null)
        {
            return text;
        }

        foreach (var mention in mentions)
        {
            if (mention.IsSelf)
            {
                text = Placeholder().Replace(text, m => m.Value == mention.Key ? string.Empty : m.Value);
            }
        }

        return Resolve(Regex.Replace(text, "[ \t]{2,}", " ").Trim(), mentions);
    }

    public static MessageMention? Find(string key, IReadOnlyList<MessageMention>? mentions)
    {
        if (mentions is null)
        {
            return null;
        }

        foreach (var mention in mentions)
        {
            if (mention.Key == key)
            {
                return mention;
            }
        }

        return null;
    }
}
