using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace FeishuGen.Bots;

/// <summary>
/// Adds card JSON 2.0 components to a list: the card's body, a column, or a form. Each method
/// returns the container, so components chain: <c>card.Markdown("**hi**").Hr().Button("OK", …)</c>.
/// </summary>
/// <typeparam name="TSelf">The container's own type.</typeparam>
public abstract class CardContainer<TSelf>
    where TSelf : CardContainer<TSelf>
{
    private protected readonly List<CardElement> Elements = new();

    /// <summary>The components added so far.</summary>
    public IReadOnlyList<CardElement> Components => Elements;

    /// <summary>Adds any component.</summary>
    /// <param name="element">The component.</param>
    public TSelf Add(CardElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        Elements.Add(element);
        return (TSelf)this;
    }

    /// <summary>A Markdown text (<c>markdown</c>): the component streamed replies write into.</summary>
    /// <param name="content">The Markdown; mentions as <see cref="Mention.ToCardTag"/>.</param>
    /// <param name="elementId">An id to update or stream it by.</param>
    /// <param name="textAlign">left, center or right.</param>
    public TSelf Markdown(string content, string? elementId = null, string? textAlign = null)
    {
        var element = CardElement.Of("markdown", elementId);
        element.Json["content"] = content;
        if (textAlign is not null)
        {
            element.Json["text_align"] = textAlign;
        }

        return Add(element);
    }

    /// <summary>A text block (<c>div</c>) of plain text, or <c>lark_md</c> when <paramref name="markdown"/>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="markdown">Whether the text is Markdown.</param>
    /// <param name="elementId">An id.</param>
    public TSelf Div(string text, bool markdown = false, string? elementId = null)
    {
        var element = CardElement.Of("div", elementId);
        element.Json["text"] = new JsonObject { ["tag"] = markdown ? "lark_md" : "plain_text", ["content"] = text };
        return Add(element);
    }

    /// <summary>An image (<c>img</c>) of an uploaded image.</summary>
    /// <param name="imageKey">The image's key.</param>
    /// <param name="alt">The text shown on hover or when the image cannot load.</param>
    /// <param name="elementId">An id.</param>
    public TSelf Image(string imageKey, string alt = "", string? elementId = null)
    {
        var element = CardElement.Of("img", elementId);
        element.Json["img_key"] = imageKey;
        element.Json["alt"] = CardElement.PlainText(alt);
        return Add(element);
    }

    /// <summary>A divider line (<c>hr</c>).</summary>
    /// <param name="elementId">An id.</param>
    public TSelf Hr(string? elementId = null) => Add(CardElement.Of("hr", elementId));

    /// <summary>A button (<c>button</c>).</summary>
    /// <param name="text">Its label.</param>
    /// <param name="action">What it does: <see cref="CardAction.Callback"/> or <see cref="CardAction.OpenUrl"/>.</param>
    /// <param name="type">default, primary, danger, text, primary_filled, …</param>
    /// <param name="elementId">An id.</param>
    public TSelf Button(string text, CardAction? action = null, string type = "default", string? elementId = null)
    {
        var element = CardElement.Of("button", elementId);
        element.Json["text"] = CardElement.PlainText(text);
        element.Json["type"] = type;
        if (action is not null)
        {
            element.Json["behaviors"] = new JsonArray(action.Behavior.DeepClone());
        }

        return Add(element);
    }

    /// <summary>Columns side by side (<c>column_set</c>), each a container of its own.</summary>
    /// <param name="columns">Adds the columns: <c>set => set.Column(c => c.Markdown("a")).Column(c => c.Markdown("b"))</c>.</param>
    /// <param name="elementId">An id.</param>
    public TSelf Columns(Action<CardColumnSet> columns, string? elementId = null)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var set = new CardColumnSet();
        columns(set);
        var element = CardElement.Of("column_set", elementId);
        element.Json["flex_mode"] = "none";
        element.Json["horizontal_spacing"] = "default";
        element.Json["columns"] = set.ToJson();
        return Add(element);
    }

    /// <summary>A form (<c>form</c>): its inputs are submitted together by a submit button inside it.</summary>
    /// <param name="name">The form's name (unique in the card).</param>
    /// <param name="form">Adds the form's components, e.g. <c>f => f.Input("q").SubmitButton("提交", …)</c>.</param>
    public TSelf Form(string name, Action<CardForm> form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var body = new CardForm();
        form(body);
        var element = CardElement.Of("form", null);
        element.Json["name"] = name;
        element.Json["elements"] = CardJson.Array(body.Components);
        return Add(element);
    }

    /// <summary>A text input (<c>input</c>).</summary>
    /// <param name="name">The input's name: its value arrives under it in <c>form_value</c>.</param>
    /// <param name="placeholder">The hint shown when empty.</param>
    /// <param name="label">The label.</param>
    /// <param name="required">Whether the form cannot be submitted without it.</param>
    public TSelf Input(string name, string? placeholder = null, string? label = null, bool required = false)
    {
        var element = CardElement.Of("input", null);
        element.Json["name"] = name;
        if (placeholder is not null)
        {
            element.Json["placeholder"] = CardElement.PlainText(placeholder);
        }

        if (label is not null)
        {
            element.Json["label"] = CardElement.PlainText(label);
        }

        element.Json["required"] = required;
        return Add(element);
    }

    /// <summary>A drop-down of fixed choices (<c>select_static</c>).</summary>
    /// <param name="name">Its name: the chosen value arrives in <c>option</c> (or under it in <c>form_value</c>).</param>
    /// <param name="options">(label, value) pairs.</param>
    /// <param name="placeholder">The hint shown before a choice.</param>
    /// <param name="initial">The value chosen at first.</param>
    public TSelf Select(string name, IEnumerable<(string Label, string Value)> options, string? placeholder = null, string? initial = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var element = CardElement.Of("select_static", null);
        element.Json["name"] = name;
        if (placeholder is not null)
        {
            element.Json["placeholder"] = CardElement.PlainText(placeholder);
        }

        var list = new JsonArray();
        foreach (var (label, value) in options)
        {
            list.Add((JsonNode)new JsonObject { ["text"] = CardElement.PlainText(label), ["value"] = value });
        }

        element.Json["options"] = list;
        if (initial is not null)
        {
            element.Json["initial_option"] = initial;
        }

        return Add(element);
    }

    /// <summary>A person picker (<c>select_person</c>), among <paramref name="openIds"/> or anyone in the chat when empty.</summary>
    /// <param name="name">Its name.</param>
    /// <param name="openIds">The people to choose from.</param>
    /// <param name="placeholder">The hint.</param>
    public TSelf PersonPicker(string name, IEnumerable<string>? openIds = null, string? placeholder = null)
    {
        var element = CardElement.Of("select_person", null);
        element.Json["name"] = name;
        if (placeholder is not null)
        {
            element.Json["placeholder"] = CardElement.PlainText(placeholder);
        }

        if (openIds is not null)
        {
            var list = new JsonArray();
            foreach (var id in openIds)
            {
                list.Add((JsonNode)new JsonObject { ["value"] = id });
            }

            element.Json["options"] = list;
        }

        return Add(element);
    }

    /// <summary>A person (<c>person</c>): avatar and name of a user.</summary>
    /// <param name="openId">The user's open_id.</param>
    /// <param name="showName">Whether the name is shown beside the avatar.</param>
    /// <param name="elementId">An id.</param>
    public TSelf Person(string openId, bool showName = true, string? elementId = null)
    {
        var element = CardElement.Of("person", elementId);
        element.Json["user_id"] = openId;
        element.Json["size"] = "medium";
        element.Json["show_avatar"] = true;
        element.Json["show_name"] = showName;
        return Add(element);
    }
}

/// <summary>The columns of a <c>column_set</c>.</summary>
public sealed class CardColumnSet
{
    private readonly List<(CardColumn Column, int Weight)> _columns = new();

    /// <summary>Adds a column.</summary>
    /// <param name="column">Adds the column's components.</param>
    /// <param name="weight">Its share of the width (1–5).</param>
    public CardColumnSet Column(Action<CardColumn> column, int weight = 1)
    {
        ArgumentNullException.ThrowIfNull(column);
        var body = new CardColumn();
        column(body);
        _columns.Add((body, weight));
        return this;
    }

    internal JsonArray ToJson()
    {
        var array = new JsonArray();
        foreach (var (column, weight) in _columns)
        {
            array.Add((JsonNode)new JsonObject
            {
                ["tag"] = "column",
                ["width"] = "weighted",
                ["weight"] = weight,
                ["elements"] = CardJson.Array(column.Components),
            });
        }

        return array;
    }
}

/// <summary>One column's components.</summary>
public sealed class CardColumn : CardContainer<CardColumn>
{
}

/// <summary>A form's components.</summary>
public sealed class CardForm : CardContainer<CardForm>
{
    /// <summary>A button that submits the form (<c>form_action_type</c> submit).</summary>
    /// <param name="text">Its label.</param>
    /// <param name="action">The callback that receives the form's values.</param>
    /// <param name="name">The button's name (a form's buttons need one).</param>
    public CardForm SubmitButton(string text, CardAction action, string name = "submit")
    {
        Button(text, action, "primary");
        Elements[^1].Json["form_action_type"] = "submit";
        Elements[^1].Json["name"] = name;
        return this;
    }
}

internal static class CardJson
{
    public static JsonArray Array(IEnumerable<CardElement> elements)
    {
        var array = new JsonArray();
        foreach (var element in elements)
        {
            array.Add(element.Json.DeepClone());
        }

        return array;
    }
}
