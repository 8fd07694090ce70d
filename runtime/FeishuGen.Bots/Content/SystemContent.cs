using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace FeishuGen.Bots;

/// <summary>
/// A system message (<c>system</c>). Sent, it is a template with parameters (only the divider,
/// <c>{"type":"divider","params":{"divider_text":…},"options":{"need_rollup":…}}</c>, in a p2p chat,
/// with the im:message:send_sys_msg scope); received, it is a filled template
/// (<c>{"template":"{from_user} invited {to_chatters} to this chat.","from_user":[…],"to_chatters":[…]}</c>).
/// </summary>
public sealed record SystemContent : MessageContent
{
    /// <summary>The template sent, e.g. <c>divider</c>.</summary>
    public string? Type { get; init; }

    /// <summary>The divider's text (sent under <c>params</c>, received at the top).</summary>
    public SystemDividerText? DividerText { get; init; }

    /// <summary>Whether the chat scrolls clear (sent, under <c>options</c>).</summary>
    public bool? NeedRollup { get; init; }

    /// <summary>The template received, with <c>{name}</c> placeholders.</summary>
    public string? Template { get; init; }

    /// <summary>Who did it (received).</summary>
    public IReadOnlyList<string>? FromUser { get; init; }

    /// <summary>Who it was done to (received).</summary>
    public IReadOnlyList<string>? ToChatters { get; init; }

    /// <summary>Members of <c>params</c> not described here.</summary>
    public JsonObject? AdditionalParams { get; init; }

    /// <summary>Members of <c>options</c> not described here.</summary>
    public JsonObject? AdditionalOptions { get; init; }

    /// <inheritdoc/>
    public override string MessageType => MessageTypes.System;

    /// <summary>The template with its values filled in.</summary>
    public override string ToPlainText()
    {
        if (Template is null)
        {
            return DividerText?.Text ?? string.Empty;
        }

        return Template
            .Replace("{from_user}", string.Join(", ", FromUser ?? []))
            .Replace("{to_chatters}", string.Join(", ", ToChatters ?? []))
            .Replace("{divider_text}", DividerText?.Text ?? string.Empty);
    }

    /// <inheritdoc/>
    protected override void WriteMembers(JsonObject json)
    {
        ContentJson.Put(json, "type", Type);
        ContentJson.Put(json, "template", Template);
        ContentJson.Put(json, "from_user", FromUser);
        ContentJson.Put(json, "to_chatters", ToChatters);
        if (Type is not null || AdditionalParams is not null)
        {
            var parameters = new JsonObject();
            if (DividerText is not null)
            {
                parameters["divider_text"] = DividerText.ToJsonObject();
            }

            ContentJson.PutRest(parameters, AdditionalParams);
            json["params"] = parameters;
        }
        else if (DividerText is not null)
        {
            json["divider_text"] = DividerText.ToJsonObject();
        }

        if (NeedRollup is not null || AdditionalOptions is not null)
        {
            var options = new JsonObject();
            ContentJson.Put(options, "need_rollup", NeedRollup);
            ContentJson.PutRest(options, AdditionalOptions);
            json["options"] = options;
        }
    }

    internal static SystemContent Read(JsonObject o)
    {
        var parameters = ContentJson.TakeObject(o, "params");
        var options = ContentJson.TakeObject(o, "options");
        var divider = (parameters is null ? null : ContentJson.TakeObject(parameters, "divider_text")) ?? ContentJson.TakeObject(o, "divider_text");
        return new SystemContent
        {
            Type = ContentJson.TakeString(o, "type"),
            Template = ContentJson.TakeString(o, "template"),
            FromUser = ContentJson.TakeStrings(o, "from_user"),
            ToChatters = ContentJson.TakeStrings(o, "to_chatters"),
            DividerText = divider is null ? null : SystemDividerText.Read(divider),
            NeedRollup = options is null ? null : ContentJson.TakeBoolean(options, "need_rollup"),
            AdditionalParams = parameters is null ? null : parameters,
            AdditionalOptions = options is null ? null : options,
            AdditionalProperties = ContentJson.Rest(o),
        };
    }
}

/// <summary>A divider's text: the default and the text per language (<c>zh_CN</c>, <c>en_US</c>, …; at most 20 characters or 10 Chinese characters).</summary>
public sealed record SystemDividerText
{
    /// <summary>The default text.</summary>
    public required string Text { get; init; }

    /// <summary>The text by language.</summary>
    public IReadOnlyDictionary<string, string>? I18nText { get; init; }

    /// <summary>Members not described here.</summary>
    public JsonObject? AdditionalProperties { get; init; }

    internal JsonObject ToJsonObject()
    {
        var json = new JsonObject { ["text"] = Text };
        ContentJson.Put(json, "i18n_text", I18nText);
        ContentJson.PutRest(json, AdditionalProperties);
        return json;
    }

    internal static SystemDividerText Read(JsonObject o) => new()
    {
        Text = ContentJson.TakeString(o, "text") ?? string.Empty,
        I18nText = ContentJson.TakeStringMap(o, "i18n_text"),
        AdditionalProperties = ContentJson.Rest(o),
    };
}
