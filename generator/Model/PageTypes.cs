using System;
using System.Collections.Generic;
using System.Text;

namespace FeishuGen.Generator.Model;

/// <summary>
/// The one vocabulary of page types: every way the forms spell a type cell, read into a
/// <see cref="PageType"/>. Reading (nested rows, definitions, checks) and shaping (C# types,
/// URL parameters) both ask here, so a spelling means the same everywhere. Spellings: the
/// primitives in English and Chinese, qualified ones (<c>number(float)</c>), every array form
/// (<c>x[]</c>, <c>[]x</c>, <c>list&lt;x&gt;</c>, <c>array&lt;x&gt;</c>, escaped <c>x\[\]</c>, HTML
/// entities), maps, named types and the container marks of standard Markdown (<c>-</c>).
/// </summary>
internal static class PageTypes
{
    private static readonly Dictionary<string, PageTypeKind> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["string"] = PageTypeKind.String, ["str"] = PageTypeKind.String, ["字符串"] = PageTypeKind.String, ["字符"] = PageTypeKind.String, ["文本"] = PageTypeKind.String,
        ["int"] = PageTypeKind.Integer, ["int8"] = PageTypeKind.Integer, ["int16"] = PageTypeKind.Integer, ["int32"] = PageTypeKind.Integer, ["int64"] = PageTypeKind.Integer,
        ["uint"] = PageTypeKind.Integer, ["uint32"] = PageTypeKind.Integer, ["uint64"] = PageTypeKind.Integer, ["integer"] = PageTypeKind.Integer,
        ["i32"] = PageTypeKind.Integer, ["i64"] = PageTypeKind.Integer, ["long"] = PageTypeKind.Integer, ["short"] = PageTypeKind.Integer,
        ["整数"] = PageTypeKind.Integer, ["整型"] = PageTypeKind.Integer, ["整形"] = PageTypeKind.Integer, ["长整型"] = PageTypeKind.Integer,
        ["number"] = PageTypeKind.Number, ["float"] = PageTypeKind.Number, ["float32"] = PageTypeKind.Number, ["float64"] = PageTypeKind.Number,
        ["double"] = PageTypeKind.Number, ["decimal"] = PageTypeKind.Number, ["数字"] = PageTypeKind.Number, ["数值"] = PageTypeKind.Number,
        ["浮点数"] = PageTypeKind.Number, ["浮点型"] = PageTypeKind.Number, ["小数"] = PageTypeKind.Number,
        ["boolean"] = PageTypeKind.Boolean, ["bool"] = PageTypeKind.Boolean, ["布尔"] = PageTypeKind.Boolean, ["布尔值"] = PageTypeKind.Boolean, ["布尔型"] = PageTypeKind.Boolean,
        ["object"] = PageTypeKind.Object, ["struct"] = PageTypeKind.Object, ["对象"] = PageTypeKind.Object,
        ["map"] = PageTypeKind.Map, ["dict"] = PageTypeKind.Map, ["映射"] = PageTypeKind.Map, ["字典"] = PageTypeKind.Map,
        ["file"] = PageTypeKind.File, ["binary"] = PageTypeKind.File, ["文件"] = PageTypeKind.File, ["二进制"] = PageTypeKind.File,
        ["undefined"] = PageTypeKind.Undefined,
        ["interface"] = PageTypeKind.Any, ["union"] = PageTypeKind.Any, ["any"] = PageTypeKind.Any, ["json"] = PageTypeKind.Any,
        ["-"] = PageTypeKind.Container, ["/"] = PageTypeKind.Container, ["/-"] = PageTypeKind.Container, ["—"] = PageTypeKind.Container,
    };

    private static readonly string[] ListWords = { "array", "list", "set", "数组", "列表" };

    /// <summary>The type a cell names, after removing its Markdown and HTML markup.</summary>
    public static PageType Parse(string cell)
    {
        var spelling = Clean(cell);
        return Read(spelling, spelling);
    }

    /// <summary>
    /// The cell without markup: HTML entities decoded, backticks and emphasis removed, Markdown
    /// escapes (<c>\[</c>, <c>\_</c>, <c>\-</c>) undone and spaces inside brackets dropped.
    /// </summary>
    public static string Clean(string cell)
    {
        var decoded = cell.IndexOf('&') >= 0 ? System.Net.WebUtility.HtmlDecode(cell) : cell;
        var builder = new StringBuilder(decoded.Length);
        for (var i = 0; i < decoded.Length; i++)
        {
            var c = decoded[i];
            if (c == '\\' && i + 1 < decoded.Length && (char.IsPunctuation(decoded[i + 1]) || char.IsSymbol(decoded[i + 1])))
            {
                continue;
            }

            if (c is '`' or '*')
            {
                continue;
            }

            builder.Append(c);
        }

        return builder.ToString().Trim();
    }

    private static PageType Read(string text, string spelling)
    {
        var type = text.Trim();
        if (type.Length == 0)
        {
            return new PageType(PageTypeKind.Empty, spelling);
        }

        if (Words.TryGetValue(type, out var kind))
        {
            return new PageType(kind, spelling);
        }

        foreach (var word in ListWords)
        {
            if (type.Equals(word, StringComparison.OrdinalIgnoreCase) || type == "[]")
            {
                return ListOf(new PageType(PageTypeKind.Undefined, "undefined"), spelling);
            }
        }

        if (type.EndsWith("[]", StringComparison.Ordinal))
        {
            return ListOf(Parse(type.Substring(0, type.Length - 2)), spelling);
        }

        if (type.StartsWith("[]", StringComparison.Ordinal))
        {
            return ListOf(Parse(type.Substring(2)), spelling);
        }

        if (Generic(type) is { } generic)
        {
            var (outer, argument) = generic;
            if (Array.IndexOf(ListWords, outer.ToLowerInvariant()) >= 0)
            {
                // array<array<Object>>: Java's Object, any value (a sheet's cells), not a JSON object.
                return ListOf(argument == "Object" ? new PageType(PageTypeKind.Any, argument) : Parse(argument), spelling);
            }

            if (outer.Equals("map", StringComparison.OrdinalIgnoreCase) || outer.Equals("dict", StringComparison.OrdinalIgnoreCase) || outer.Equals("object", StringComparison.OrdinalIgnoreCase))
            {
                return new PageType(PageTypeKind.Map, spelling);
            }

            if (IsName(outer))
            {
                return new PageType(PageTypeKind.Named, spelling, Name: outer);
            }
        }

        // number(float), int(64): the qualifier refines a type the word already names.
        var open = type.IndexOf('(');
        if (open > 0 && type.EndsWith(")", StringComparison.Ordinal))
        {
            var qualified = Read(type.Substring(0, open), spelling);
            if (qualified.Kind != PageTypeKind.Unknown)
            {
                return qualified;
            }
        }

        return IsName(type) ? new PageType(PageTypeKind.Named, spelling, Name: type) : new PageType(PageTypeKind.Unknown, spelling);
    }

    private static PageType ListOf(PageType item, string spelling) => new(PageTypeKind.Array, spelling, item);

    // 'list<x>' as ('list', 'x'); null when the text is not one generic.
    private static (string Outer, string Argument)? Generic(string type)
    {
        var open = type.IndexOf('<');
        return open > 0 && type.EndsWith(">", StringComparison.Ordinal)
            ? (type.Substring(0, open).Trim(), type.Substring(open + 1, type.Length - open - 2).Trim())
            : null;
    }

    // user_id, i18n, app.table.record, ClockInAbnormalSettings: identifiers, dotted.
    private static bool IsName(string type)
    {
        if (type.Length == 0 || !(char.IsLetter(type[0]) || type[0] == '_') || type[0] > 127)
        {
            return false;
        }

        var previousDot = false;
        foreach (var c in type)
        {
            if (c == '.')
            {
                if (previousDot)
                {
                    return false;
                }

                previousDot = true;
                continue;
            }

            previousDot = false;
            if (!(c < 128 && (char.IsLetterOrDigit(c) || c == '_')))
            {
                return false;
            }
        }

        return !previousDot;
    }
}
