using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;
using FeishuGen.Generator.Model;

namespace FeishuGen.Generator.Reading;

/// <summary>A description cell taken apart: prose, example, allowed values, rules and default.</summary>
internal sealed record CellContent(
    string Description,
    string? Example,
    string? Default,
    EquatableArray<AllowedValue> AllowedValues,
    EquatableArray<ValidationRule> Rules);

/// <summary>
/// Takes apart a description cell: '&lt;br&gt;'-separated segments where '**示例**:' starts the example,
/// '**可选值**:' (or a plain '可选值有：' before a list) a list of '- value: label' lines,
/// '**数据校验规则**:' rules written without separators (最大长度: 100最小长度: 1) and '**默认值**'
/// the default. A list of backticked values under plain prose is the portal's enum as a converter
/// writes it, when every item of the list is one.
/// </summary>
internal static class CellParser
{
    private static readonly Regex Rule = new(@"(最大长度|最小长度|最大值|最小值|正则校验|最大数量|最小数量)\s*[:：]\s*(.+?)(?=(最大长度|最小长度|最大值|最小值|正则校验|最大数量|最小数量)\s*[:：]|$)", RegexOptions.Compiled);

    // Without the bold, only before a list: '可选值有：   - `0`：已开通'.
    private static readonly Regex PlainListLabel = new(@"^(可选值有|可选值|可选项有|可能值有|枚举值有|枚举值)\s*[:：]\s*(-\s.*)?$", RegexOptions.Compiled | RegexOptions.Singleline);

    private static readonly Regex InlineLabel = new(@"\s+(?=\*\*(示例值|示例|可选值有|可选值|可能值有|可能值|数据校验规则|默认值)[:：]?\*\*)|\s*(?<!\*)(?=(可选值有|可选值|可选项有|可能值有|枚举值有|枚举值)[:：]\s*-\s)", RegexOptions.Compiled);
    // ...or at the end of a prose line whose list follows: '默认全部登出。可选值：'.
    private static readonly Regex TrailingListLabel = new(@"(可选值有|可选值|可选项有|可能值有|枚举值有|枚举值)\s*[:：]\s*$", RegexOptions.Compiled);

    private static readonly Regex InlineItem = new(@"\s+-\s+", RegexOptions.Compiled);
    private static readonly Regex OtherBoldLabel = new(@"^\*\*[^*]+\*\*\s*[:：]?", RegexOptions.Compiled);

    // Standard Markdown runs a list of allowed values into one segment: - `open_id`: label - `union_id`: label
    private static readonly Regex InlineAllowed = new(@"(?:^|\s)-\s+`([^`]+)`\s*[:：]?\s*(.*?)(?=\s+-\s+`[^`]+`|$)", RegexOptions.Compiled | RegexOptions.Singleline);
    private static readonly Regex BacktickedItem = new(@"^`[^`]+`\s*[:：]", RegexOptions.Compiled);

    public static CellContent Parse(string cell)
    {
        if (IsPlain(cell))
        {
            return new CellContent(cell.Trim(), null, null, EquatableArray<AllowedValue>.Empty, EquatableArray<ValidationRule>.Empty);
        }

        var description = new StringBuilder();
        string? example = null;
        string? defaultValue = null;
        var allowed = new List<AllowedValue>();
        var rules = new List<ValidationRule>();
        var state = Section.Description;

        // Standard Markdown may run labels into one line: "…类型 **示例值**：open_id **可选值有**： - `open_id`: …".
        cell = CellLabels.MayRunTogether(cell) ? InlineLabel.Replace(cell, "<br>") : cell;
        var segments = LineBreaks.Split(cell);
        for (var index = 0; index < segments.Length; index++)
        {
            var segment = segments[index].Trim();
            var labelled = CellLabels.TryRead(segment, out var labelName, out var labelRest);
            var plain = labelled || segment.Length == 0 || (segment[0] != '可' && segment[0] != '枚') ? Match.Empty : PlainListLabel.Match(segment);
            if (labelled || plain.Success)
            {
                var rest = (labelled ? labelRest : plain.Groups[2].Value).Trim();
                switch (labelled ? labelName : "可选值")
                {
                    case "示例":
                    case "示例值":
                        example = rest;
                        state = Section.Example;
                        break;
                    case "可选值":
                    case "可选值有":
                    case "可选项有":
                    case "可能值":
                    case "可能值有": // what a reply or an event may carry
                        state = Section.Allowed;
                        AddAllowedSegment(rest, allowed);
                        break;
                    case "数据校验规则":
                        state = Section.Rules;
                        AddRules(rest, rules);
                        break;
                    default:
                        defaultValue = rest.Trim().Trim('`').Trim();
                        state = Section.Description;
                        break;
                }

                continue;
            }

            switch (state)
            {
                case Section.Allowed or Section.AllowedNote when OtherBoldLabel.IsMatch(segment):
                    // A note under the list ('**注意**：…'): its own bullets are prose, a value's backticks still a value.
                    state = Section.AllowedNote;
                    AddBacktickedItems(segment, allowed);
                    AppendDescription(description, segment);
                    break;
                case Section.Allowed when segment.StartsWith("- ", System.StringComparison.Ordinal):
                    AddAllowedSegment(segment, allowed);
                    break;
                case Section.AllowedNote when segment.StartsWith("- `", System.StringComparison.Ordinal) && IsValueList(segment):
                    AddAllowedSegment(segment, allowed);
                    break;
                case Section.Description when segment.StartsWith("- ", System.StringComparison.Ordinal):
                    // A list under plain prose is a list of values only when every item of it is one.
                    var end = index;
                    while (end + 1 < segments.Length && segments[end + 1].Trim().StartsWith("- ", System.StringComparison.Ordinal))
                    {
                        end++;
                    }

                    var values = true;
                    for (var i = index; i <= end && values; i++)
                    {
                        values = IsValueList(segments[i].Trim());
                    }

                    for (var i = index; i <= end; i++)
                    {
                        if (values)
                        {
                            AddAllowedSegment(segments[i].Trim(), allowed);
                        }
                        else
                        {
                            AppendDescription(description, segments[i].Trim());
                        }
                    }

                    index = end;
                    break;
                case Section.Description when (segment.EndsWith("：", System.StringComparison.Ordinal) || segment.EndsWith(":", System.StringComparison.Ordinal))
                    && TrailingListLabel.Match(segment) is { Success: true } trailing
                    && index + 1 < segments.Length && segments[index + 1].Trim().StartsWith("- ", System.StringComparison.Ordinal):
                    AppendDescription(description, segment.Substring(0, trailing.Index).Trim());
                    state = Section.Allowed;
                    break;
                case Section.Description when InlineValueList(segment) is { } at:
                    // Converters run the list into the prose line: '是否离职重聘 - `no`：否 - `yes`：是'.
                    AppendDescription(description, segment.Substring(0, at).Trim());
                    AddAllowedSegment(segment.Substring(at + 1), allowed);
                    break;
                case Section.Rules when segment.Length > 0:
                    AddRules(segment, rules);
                    break;
                case Section.Example when segment.Length > 0:
                    example = example + "\n" + segment;
                    break;
                default:
                    AppendDescription(description, segment);
                    break;
            }
        }

        return new CellContent(
            description.ToString(),
            string.IsNullOrWhiteSpace(example) ? null : example!.Trim(),
            string.IsNullOrWhiteSpace(defaultValue) ? null : defaultValue,
            allowed.ToEquatableArray(),
            rules.ToEquatableArray());
    }

    // Prose alone, with no break, label or list in it: most cells (names, types, one line of description).
    private static bool IsPlain(string cell)
        => cell.IndexOf("<br", System.StringComparison.OrdinalIgnoreCase) < 0 && cell.IndexOf("**", System.StringComparison.Ordinal) < 0
           && cell.IndexOf('值') < 0 && cell.IndexOf("可选", System.StringComparison.Ordinal) < 0
           && cell.IndexOf(" - ", System.StringComparison.Ordinal) < 0 && !cell.TrimStart().StartsWith("- ", System.StringComparison.Ordinal);

    private static void AppendDescription(StringBuilder description, string segment)
    {
        if (segment.Length == 0)
        {
            return;
        }

        if (description.Length > 0)
        {
            description.Append('\n');
        }

        description.Append(segment);
    }

    // '- `a`: x' or '- `a`: x - `b`: y': every item a backticked value with its label.
    private static bool IsValueList(string segment)
    {
        foreach (var item in InlineItem.Split(segment.Substring(2)))
        {
            if (!BacktickedItem.IsMatch(item.Trim()))
            {
                return false;
            }
        }

        return true;
    }

    // Where a list run into prose starts (its first ' - '), when every item of it is a backticked value.
    private static int? InlineValueList(string segment)
    {
        var at = segment.IndexOf(" - ", System.StringComparison.Ordinal);
        return at > 0 && IsValueList(segment.Substring(at + 1)) ? at : null;
    }

    // Prose that runs on into backticked items ('**注意**：… - `closed`: 关闭 - `open`: 打开'): the items.
    private static void AddBacktickedItems(string segment, List<AllowedValue> allowed)
    {
        var start = segment.IndexOf(" - `", System.StringComparison.Ordinal);
        if (start >= 0)
        {
            AddAllowedSegment(segment.Substring(start + 1), allowed);
        }
    }

    // One segment of allowed values: a '- value: label' line, or several run together.
    private static void AddAllowedSegment(string segment, List<AllowedValue> allowed)
    {
        if (segment.StartsWith("- `", System.StringComparison.Ordinal))
        {
            // One value on its own line, the common case, without the pattern's match objects.
            var close = segment.IndexOf('`', 3);
            if (close > 3 && segment.IndexOf('`', close + 1) < 0 && segment.IndexOf('\n') < 0)
            {
                Add(allowed, Unquote(segment.Substring(3, close - 3)), AfterColon(segment, close + 1).Trim());
                return;
            }

            foreach (Match item in InlineAllowed.Matches(segment))
            {
                Add(allowed, Unquote(item.Groups[1].Value), item.Groups[2].Value.Trim());
            }

            return;
        }

        if (segment.StartsWith("- ", System.StringComparison.Ordinal))
        {
            foreach (var item in InlineItem.Split(segment.Substring(2)))
            {
                AddAllowed(item, allowed);
            }
        }
    }

    // What follows a value's closing backtick: white space, an optional colon, white space, then the label.
    private static string AfterColon(string segment, int at)
    {
        while (at < segment.Length && char.IsWhiteSpace(segment[at]))
        {
            at++;
        }

        at = at < segment.Length && segment[at] is ':' or '：' ? at + 1 : at;
        while (at < segment.Length && char.IsWhiteSpace(segment[at]))
        {
            at++;
        }

        return segment.Substring(at);
    }

    private static void AddAllowed(string item, List<AllowedValue> allowed)
    {
        item = item.Replace("（默认值）", string.Empty).Replace("(默认值)", string.Empty);
        var ascii = item.IndexOf(':');
        var wide = item.IndexOf('：');
        var colon = ascii < 0 ? wide : wide < 0 ? ascii : System.Math.Min(ascii, wide);
        var value = colon < 0 ? item : item.Substring(0, colon);
        var label = colon < 0 ? string.Empty : item.Substring(colon + 1);
        value = Unquote(value.Trim());

        // A value is one token ("open_id", "1", "true"); a bullet with spaces or a sentence's punctuation is prose under the list.
        if (value.IndexOf(' ') < 0 && value.IndexOfAny(SentencePunctuation) < 0)
        {
            Add(allowed, value, label.Trim());
        }
    }

    private static readonly char[] SentencePunctuation = { '，', '。', '；', '、', '【', '】', '！', '？' };

    // The same value twice (lists per case of a field) is one value.
    private static void Add(List<AllowedValue> allowed, string value, string label)
    {
        if (value.Length > 0 && !allowed.Exists(a => a.Value == value))
        {
            allowed.Add(new AllowedValue(value, label));
        }
    }

    private static void AddRules(string text, List<ValidationRule> rules)
    {
        foreach (Match match in Rule.Matches(text))
        {
            rules.Add(new ValidationRule(match.Groups[1].Value, match.Groups[2].Value.Trim()));
        }
    }

    // Backticks and quotes around a value are markup ('`open_id`', a stray '"' a page left behind).
    private static string Unquote(string value) => value.Trim().Trim('`').Trim().Trim('"').Trim();

    private enum Section
    {
        Description,
        Example,
        Allowed,
        AllowedNote,
        Rules,
    }
}
