using System;
using System.Text;

namespace FeishuGen.Http;

/// <summary>
/// The start of a reply that is not Feishu's, safe to put in an exception: short, printable, and
/// with any secret the client sent (token, app secret) masked in case a proxy echoes the request.
/// </summary>
internal static class ReplyExcerpt
{
    public const int MaxChars = 256;

    public static string Of(ReadOnlySpan<byte> body, string? secret1 = null, string? secret2 = null)
    {
        var text = Encoding.UTF8.GetString(body.Slice(0, Math.Min(body.Length, MaxChars * 4)));
        var builder = new StringBuilder(Math.Min(text.Length, MaxChars + 1));
        var lastWasSpace = false;
        foreach (var c in text)
        {
            // Line breaks and other control characters would let a reply forge log lines.
            var printable = char.IsControl(c) || char.IsWhiteSpace(c) ? ' ' : c;
            if (printable == ' ' && (lastWasSpace || builder.Length == 0))
            {
                continue;
            }

            builder.Append(printable);
            lastWasSpace = printable == ' ';
        }

        var excerpt = Mask(Mask(builder.ToString().TrimEnd(), secret1), secret2);
        return excerpt.Length <= MaxChars ? excerpt : excerpt.Substring(0, MaxChars) + "…";
    }

    private static string Mask(string text, string? secret)
        => string.IsNullOrEmpty(secret) || secret.Length < 4 ? text : text.Replace(secret, "***", StringComparison.Ordinal);
}
