namespace FeishuGen.Generator.Reading;

using FeishuGen.Generator.Model;

/// <summary>
/// Tells uploads and downloads apart from JSON calls. The cleaned pages never say so: downloads are
/// the pages whose SDK samples write <c>response.file</c> (Python) or call <c>WriteFile</c> (Go), or
/// (portal and Markdown forms) whose 响应 section says it returns the file's binary stream;
/// uploads are the pages that send something (POST, PUT, PATCH) yet have neither a 请求体 section
/// nor any code sample, because the documentation tool cannot render multipart bodies.
/// </summary>
internal static class PayloadDetection
{
    public static PayloadKind Request(string method, bool hasBodySection, int bodyFields, string? requestExample, PageOutline outline)
    {
        if (bodyFields > 0 || requestExample is not null)
        {
            return PayloadKind.Json;
        }

        var sends = method is "POST" or "PUT" or "PATCH";
        return sends && !hasBodySection && !HasSample(outline) ? PayloadKind.Multipart : PayloadKind.None;
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
}
