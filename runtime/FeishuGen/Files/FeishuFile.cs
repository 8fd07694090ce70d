using System;
using System.IO;

namespace FeishuGen;

/// <summary>A file part of an upload: its content (streamed, never buffered), file name and content type.</summary>
public sealed class FeishuFile
{
    /// <summary>Creates a file part.</summary>
    /// <param name="content">The content; read once, as the request is sent.</param>
    /// <param name="fileName">The file name Feishu records.</param>
    /// <param name="contentType">The media type; application/octet-stream when null.</param>
    public FeishuFile(Stream content, string fileName, string? contentType = null)
    {
        Content = content ?? throw new ArgumentNullException(nameof(content));
        FileName = string.IsNullOrEmpty(fileName) ? throw new ArgumentException("A file part needs a file name.", nameof(fileName)) : fileName;
        ContentType = contentType ?? "application/octet-stream";
        if (!System.Net.Http.Headers.MediaTypeHeaderValue.TryParse(ContentType, out _))
        {
            throw new ArgumentException($"'{ContentType}' is not a media type such as image/png.", nameof(contentType));
        }
    }

    /// <summary>The content.</summary>
    public Stream Content { get; }

    /// <summary>The file name.</summary>
    public string FileName { get; }

    /// <summary>The media type.</summary>
    public string ContentType { get; }

    /// <summary>Opens <paramref name="path"/> for reading as a file part named after it.</summary>
    /// <param name="path">The file to upload.</param>
    /// <param name="contentType">The media type, if known.</param>
    public static FeishuFile Open(string path, string? contentType = null)
        => new(File.OpenRead(path), Path.GetFileName(path), contentType);
}
