using System.Collections.Generic;
using System.Linq;
using FeishuGen.Generator.Model;

namespace FeishuGen.Generator.Reading;

/// <summary>
/// Tells uploads and downloads apart from JSON calls. A call uploads only where the page says so:
/// a <c>Content-Type: multipart/form-data</c> row, a body field typed <c>file</c>, a multipart
/// sample (<c>curl -F</c>, or a body example of <c>Content-Disposition: form-data</c> parts); or, for
/// a call that documents no body, prose that names multipart/form-data, or the convention of the
/// docs site's own export (its basic table lists the token types), which drops both the body and
/// every sample of an upload. Otherwise a call with body fields or an example sends JSON, and one
/// without sends nothing. Downloads are the pages whose SDK samples write <c>response.file</c>
/// (Python) or call <c>WriteFile</c> (Go), or whose 响应 section says it returns the file's
/// binary stream.
/// </summary>
internal static class PayloadDetection
{
    public static PayloadKind Request(
        string method, bool hasBodySection, IReadOnlyList<FieldModel> bodyFields, string? requestExample, PageOutline outline, bool multipartHeader, bool tokensInBasicTable)
    {
        if (multipartHeader || bodyFields.Any(f => PageTypes.Parse(f.Type).Kind == PageTypeKind.File) || HasMultipartSample(outline))
        {
            return PayloadKind.Multipart;
        }

        if (bodyFields.Count > 0 || requestExample is not null)
        {
            return PayloadKind.Json;
        }

        var sends = method is "POST" or "PUT" or "PATCH";
        var exportedUpload = tokensInBasicTable && !hasBodySection && !HasSample(outline);
        return sends && (exportedUpload || ProseSaysMultipart(outline)) ? PayloadKind.Multipart : PayloadKind.None;
    }

    public static PayloadKind Response(PageOutline outline)
    {
        foreach (var fence in outline.Fences)
        {
            var info = fence.Info.ToLowerInvariant();
            if ((info.StartsWith("python", System.StringComparison.Ordinal) && fence.Content.Contains("response.file"))
                || (info.StartsWith("go", System.StringComparison.Ordinal) && fence.Content.Contains(".WriteFile(")))
            {
                return PayloadKind.Binary;
            }
        }

        return SaysBinaryStream(outline) ? PayloadKind.Binary : PayloadKind.Json;
    }

    // The portal and Markdown forms say it in words: "HTTP状态码为 200 时，表示成功 / 返回文件二进制流",
    // in a 响应 section that has no JSON example.
    private static bool SaysBinaryStream(PageOutline outline)
    {
        var response = outline.Find("响应", 2, 3);
        if (response is null)
        {
            return false;
        }

        var end = outline.SectionEnd(response);
        if (outline.FenceIn(response.Line, end) is not null)
        {
            return false;
        }

        for (var i = response.Line + 1; i < end; i++)
        {
            if (outline.Lines[i].IndexOf("二进制流", System.StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasSample(PageOutline outline)
    {
        foreach (var fence in outline.Fences)
        {
            var info = fence.Info.ToLowerInvariant();
            if (info.StartsWith("python", System.StringComparison.Ordinal) || info.StartsWith("go", System.StringComparison.Ordinal)
                || info.StartsWith("java", System.StringComparison.Ordinal) || fence.Content.TrimStart().StartsWith("curl", System.StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // curl -F parts, or a body example written as the parts themselves (standard Markdown's uploads).
    private static bool HasMultipartSample(PageOutline outline)
    {
        foreach (var fence in outline.Fences)
        {
            var content = fence.Content;
            if ((content.TrimStart().StartsWith("curl", System.StringComparison.Ordinal) && CurlForm.IsMatch(content))
                || content.IndexOf("Content-Disposition: form-data", System.StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static readonly System.Text.RegularExpressions.Regex CurlForm = new(@"\s(-F|--form)\s", System.Text.RegularExpressions.RegexOptions.Compiled);

    // The description before the request section: "请求体是 multipart/form-data".
    private static bool ProseSaysMultipart(PageOutline outline)
    {
        var request = outline.Find("请求", 1, 3);
        var end = request?.Line ?? outline.Lines.Length;
        for (var i = 0; i < end; i++)
        {
            if (outline.Lines[i].IndexOf("multipart/form-data", System.StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
