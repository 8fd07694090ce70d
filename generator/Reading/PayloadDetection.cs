namespace FeishuGen.Generator.Reading;

using FeishuGen.Generator.Model;

/// <summary>
/// Tells uploads and downloads apart from JSON calls. The pages never say so: downloads are the
/// pages whose SDK samples write <c>response.file</c> (Python) or call <c>WriteFile</c> (Go);
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

        return PayloadKind.Json;
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
