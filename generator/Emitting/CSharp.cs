using System.Globalization;
using System.Text;

namespace FeishuGen.Generator.Emitting;

/// <summary>Literals and XML doc text for generated C#.</summary>
internal static class CSharp
{
    public const string GeneratedCode = "[global::System.CodeDom.Compiler.GeneratedCode(\"FeishuGen\", \"" + ThisAssembly.Version + "\")]";

    /// <summary>A C# string literal with every special character escaped.</summary>
    public static string Literal(string? value)
    {
        if (value is null)
        {
            return "null";
        }

        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\0': builder.Append("\\0"); break;
                default:
                    if (char.IsControl(c) || c == '\u2028' || c == '\u2029' || c == '\u0085')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>A UTF-8 string literal ("…"u8) for a JSON property name.</summary>
    public static string Utf8(string value) => Literal(value) + "u8";

    /// <summary>Text escaped for an XML doc comment, one line (line breaks become spaces).</summary>
    public static string Xml(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text!.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '&': builder.Append("&amp;"); break;
                case '\r': break;
                case '\n': builder.Append(' '); break;
                default:
                    if (!char.IsControl(c))
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.ToString().Trim();
    }

    /// <summary>Writes a page's multi-line Markdown as '/// ' lines of XML doc markup (see <see cref="MarkdownXml"/>).</summary>
    public static void XmlLines(SourceWriter writer, string? text)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            MarkdownXml.WriteLines(writer, text!);
        }
    }

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
