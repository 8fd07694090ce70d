using System.Text.RegularExpressions;

namespace FeishuGen.Generator.Reading;

/// <summary>The pages' line break inside a cell or a line, <c>&lt;br&gt;</c>, <c>&lt;br/&gt;</c> or <c>&lt;BR /&gt;</c>: one pattern for every reader.</summary>
internal static class LineBreaks
{
    /// <summary>A <c>&lt;br&gt;</c> tag, any case, with or without a slash.</summary>
    public static readonly Regex Tag = new(@"<br\s*/?>", RegexOptions.IgnoreCase | RegexOptions.Compiled);

    /// <summary>A line that is only a <c>&lt;br&gt;</c> tag.</summary>
    public static readonly Regex Alone = new(@"^<br\s*/?>$", RegexOptions.IgnoreCase | RegexOptions.Compiled);
}
