using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace FeishuGen.Testing;

/// <summary>One part of a multipart/form-data request as ASP.NET Core's parser read it.</summary>
/// <param name="Name">The part's name.</param>
/// <param name="FileName">The file name (<c>filename*</c> preferred, as the parser decodes it), or null for a text field.</param>
/// <param name="ContentType">The part's media type, or null.</param>
/// <param name="Content">The part's bytes.</param>
public sealed record RecordedFormPart(string Name, string? FileName, string? ContentType, byte[] Content);

/// <summary>Parses upload bodies with the same MultipartReader an ASP.NET Core app would use.</summary>
internal static class FormParts
{
    public static async Task<IReadOnlyList<RecordedFormPart>> ReadAsync(string? contentType, byte[] body)
    {
        if (contentType is null || !MediaTypeHeaderValue.TryParse(contentType, out var media) || !media.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return Array.Empty<RecordedFormPart>();
        }

        var boundary = HeaderUtilities.RemoveQuotes(media.Boundary).Value;
        if (string.IsNullOrEmpty(boundary))
        {
            return Array.Empty<RecordedFormPart>();
        }

        var parts = new List<RecordedFormPart>();
        var reader = new MultipartReader(boundary, new MemoryStream(body));
        while (await reader.ReadNextSectionAsync().ConfigureAwait(false) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
            {
                throw new InvalidDataException("A multipart part has an unreadable Content-Disposition: " + section.ContentDisposition);
            }

            using var content = new MemoryStream();
            await section.Body.CopyToAsync(content).ConfigureAwait(false);
            var fileName = disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : disposition.FileName.HasValue ? HeaderUtilities.UnescapeAsQuotedString(disposition.FileName).Value : null;
            parts.Add(new RecordedFormPart(HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? string.Empty, fileName, section.ContentType, content.ToArray()));
        }

        return parts;
    }
}
