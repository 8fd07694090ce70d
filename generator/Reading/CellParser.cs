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
/// '**可选值**:' a list of '- value: label' lines, '**数据校验规则**:' rules written without separators
/// (最大长度: 100最小长度: 1) and '**默认值**' the default.
/// </summary>
internal static class CellParser
{
    private static readonly Regex Break = LineBreaks.Tag;
    private static readonly Regex Rule = new(@"(最大长度|最小长度|最大值|最小值|正则校验|最大数量|最小数量)\s*[:：]\s*(.+?)(?=(最大长度|最小长度|最大值|最小值|正则校验|最大数量|最小数量)\s*[:：]|$)", RegexOptions.Compiled);
    private static readonly Regex Label = new(@"^\*\*(示例值|示例|可选值有|可选值|可能值有|可能值|数据校验规则|默认值)[:：]?\*\*\s*[:：]?\s*(.*)$", RegexOptions.Compiled | RegexOptions.Singleline);

    private static readonly Regex InlineLabel = new(@"\s+(?=\*\*(示例值|示例|可选值有|可选值|可能值有|可能值|数据校验规则|默认值)[:：]?\*\*)", RegexOptions.Compiled);
    private static readonly Regex InlineItem = new(@"\s+-\s+", RegexOptions.Compiled);

    // Standard Markdown runs a list of allowed values into one segment: - `open_id`: label - `union_id`: label
    private static readonly Regex InlineAllowed = new(@"(?:^|\s)-\s+`([^`]+)`\s*[:：]?\s*(.*?)(?=\s+-\s+`[^`]+`|$)", RegexOptions.Compiled | RegexOptions.Singleline);

    public static CellContent Parse(string cell)
    {
        var description = new StringBuilder();
        string? example = null;
        string? defaultValue = null;
        var allowed = new List<AllowedValue>();
        var rules = new List<ValidationRule>();
        var state = Section.Description;

        // Standard Markdown may run labels into one line: "…类型 **示例值**：open_id **可选值有**： - `open_id`: …".
        cell = InlineLabel.Replace(cell, "<br>");
        foreach (var raw in Break.Split(cell))
        {
            var segment = raw.Trim();
            var label = Label.Match(segment);
            if (label.Success)
            {
                var rest = label.Groups[2].Value.Trim();
                switch (label.Groups[1].Value)
                {
                    case "示例":
                    case "示例值":
                        example = rest;
                        state = Section.Example;
                        break;
                    case "可选值":
                    case "可选值有":
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
                        defaultValue = Unquote(rest);
                        state = Section.Description;
                        break;
                }

                continue;
            }

            switch (state)
            {
                case Section.Allowed when segment.StartsWith("- ", System.StringComparison.Ordinal):
                    AddAllowedSegment(segment, allowed);
                    break;
                case Section.Description when InlineAllowed.IsMatch(segment) && segment.StartsWith("- `", System.StringComparison.Ordinal) && segment.IndexOf("`:", System.StringComparison.Ordinal) > 0:
                    // A list of backticked values under plain prose ("支持<br>- `name`: 更新清单名 …"): the portal's enum.
                    AddAllowedSegment(segment, allowed);
                    break;
                case Section.Rules when segment.Length > 0:
                    AddRules(segment, rules);
                    break;
                case Section.Example when segment.Length > 0:
                    example = example + "\n" + segment;
                    break;
                default:
                    if (segment.Length > 0)
                    {
                        if (description.Length > 0)
                        {
                            description.Append('\n');
                        }

                        description.Append(segment);
                    }

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

    // One segment of allowed values: a '- value: label' line, or several run together.
    private static void AddAllowedSegment(string segment, List<AllowedValue> allowed)
    {
        if (segment.StartsWith("- `", System.StringComparison.Ordinal))
        {
            foreach (Match item in InlineAllowed.Matches(segment))
            {
                allowed.Add(new AllowedValue(item.Groups[1].Value.Trim(), item.Groups[2].Value.Trim()));
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

    private static void AddAllowed(string item, List<AllowedValue> allowed)
    {
        item = item.Replace("（默认值）", string.Empty).Replace("(默认值)", string.Empty);
        var ascii = item.IndexOf(':');
        var wide = item.IndexOf('：');
        var colon = ascii < 0 ? wide : wide < 0 ? ascii : System.Math.Min(ascii, wide);
        var value = colon < 0 ? item : item.Substring(0, colon);
        var label = colon < 0 ? string.Empty : item.Substring(colon + 1);
        value = Unquote(value.Trim());

        // A value is one token ("open_id", "1", "true"); a bullet with spaces is prose under the list.
        if (value.Length > 0 && value.IndexOf(' ') < 0)
        {
            allowed.Add(new AllowedValue(value, label.Trim()));
        }
    }

    private static void AddRules(string text, List<ValidationRule> rules)
    {
        foreach (Match match in Rule.Matches(text))
        {
            rules.Add(new ValidationRule(match.Groups[1].Value, match.Groups[2].Value.Trim()));
        }
    }

    private static string Unquote(string value) => value.Trim().Trim('`').Trim();

    private enum Section
    {
        Description,
        Example,
        Allowed,
        Rules,
    }
}
