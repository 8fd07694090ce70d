using System.Text;

namespace FeishuGen.Files;

/// <summary>
/// The Content-Disposition of a multipart/form-data part, written by hand: .NET's header type
/// turns a non-ASCII or quoted file name into a <c>filename*</c> with the quotes inside it, and
/// throws on a name holding <c>"</c>. RFC 7578 §4.2 asks for the name as a quoted-string in
/// UTF-8 and no <c>filename*</c>, which is what Feishu's own SDKs send: backslash and quote
/// escaped, and line breaks (which would end the header) replaced.
/// </summary>
internal static class FormDataDisposition
{
    public static string For(string name, string? fileName)
    {
        var builder = new StringBuilder("form-data; name=");
        AppendQuoted(builder, name);
        if (fileName is not null)
        {
            builder.Append("; filename=");
            AppendQuoted(builder, fileName);
        }

        return builder.ToString();
    }

    private static void AppendQuoted(StringBuilder builder, string value)
    {
        builder.Append('"');
        foreach (var c in value)
        {
            if (c is '"' or '\\')
            {
                builder.Append('\\').Append(c);
            }
            else if (char.IsControl(c))
            {
                builder.Append('_');
            }
            else
            {
                builder.Append(c);
            }
        }

        builder.Append('"');
    }
}
