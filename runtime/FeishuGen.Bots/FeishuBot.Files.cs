using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using FeishuGen.Bots.Api.Im.V1;

namespace FeishuGen.Bots;

public sealed partial class FeishuBot
{
    /// <summary>Uploads an image for messages (上传图片), e.g. <c>Content.Image(await bot.UploadImageAsync(stream, "chart.png"))</c>.</summary>
    /// <param name="image">The image (read from its position; seekable streams are replayed if the token is refreshed).</param>
    /// <param name="fileName">Its name.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>The image_key.</returns>
    public async Task<string> UploadImageAsync(Stream image, string fileName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        var reply = await Api.Im.V1.Image.CreateAsync(new CreateImageRequest { ImageType = "message", Image = new FeishuFile(image, fileName) }, cancellationToken).ConfigureAwait(false);
        return reply.ImageKey ?? throw new FeishuResponseFormatException("上传图片 answered without an image_key.");
    }

    /// <summary>Uploads a file for messages (上传文件): <see cref="BotFileTypes.Opus"/> for voice, <see cref="BotFileTypes.Mp4"/> for video.</summary>
    /// <param name="file">The file.</param>
    /// <param name="fileName">Its name, with the extension.</param>
    /// <param name="fileType">One of <see cref="BotFileTypes"/>.</param>
    /// <param name="durationMs">The length of a voice message or video, in milliseconds.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>The file_key.</returns>
    public async Task<string> UploadFileAsync(Stream file, string fileName, string fileType = BotFileTypes.Stream, long? durationMs = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        var reply = await Api.Im.V1.File.CreateAsync(new CreateFileRequest { FileType = fileType, FileName = fileName, Duration = durationMs, File = new FeishuFile(file, fileName) }, cancellationToken).ConfigureAwait(false);
        return reply.FileKey ?? throw new FeishuResponseFormatException("上传文件 answered without a file_key.");
    }

    /// <summary>
    /// Fetches an image from a URL and uploads it. Only public addresses are fetched (redirects
    /// included, checked on the address connected to): see <see cref="BotUrlFetchOptions"/>.
    /// </summary>
    /// <param name="url">The image's address.</param>
    /// <param name="cancellationToken">Cancels the fetch and the upload.</param>
    /// <returns>The image_key.</returns>
    /// <exception cref="BotUrlRefusedException">The address (or a redirect's) is not public, or the body is too large.</exception>
    public async Task<string> UploadImageFromUrlAsync(Uri url, CancellationToken cancellationToken = default)
    {
        var (body, name, _) = await _fetcher.Value.FetchAsync(url, cancellationToken).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            return await UploadImageAsync(body, name, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Fetches a file from a URL (public addresses only) and uploads it.</summary>
    /// <param name="url">The file's address.</param>
    /// <param name="fileType">One of <see cref="BotFileTypes"/>.</param>
    /// <param name="cancellationToken">Cancels the fetch and the upload.</param>
    /// <returns>The file_key.</returns>
    /// <exception cref="BotUrlRefusedException">The address (or a redirect's) is not public, or the body is too large.</exception>
    public async Task<string> UploadFileFromUrlAsync(Uri url, string fileType = BotFileTypes.Stream, CancellationToken cancellationToken = default)
    {
        var (body, name, _) = await _fetcher.Value.FetchAsync(url, cancellationToken).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            return await UploadFileAsync(body, name, fileType, null, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Downloads an image, file, voice message or video of a message as a stream (获取消息中的资源文件); dispose it.</summary>
    /// <param name="messageId">The message.</param>
    /// <param name="fileKey">The image_key or file_key in its content.</param>
    /// <param name="type">Image, or file (files, voice, video).</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    public Task<FeishuDownload> DownloadResourceAsync(string messageId, string fileKey, BotResourceType type, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentException.ThrowIfNullOrEmpty(fileKey);
        return Api.Im.V1.MessageResource.GetAsync(new GetMessageResourceRequest { MessageId = messageId, FileKey = fileKey, Type = type == BotResourceType.Image ? "image" : "file" }, cancellationToken);
    }

    /// <summary>Downloads the resource of a received image, file, audio or video message.</summary>
    /// <param name="message">The message.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <exception cref="InvalidOperationException">The message holds no downloadable resource (text, a sticker, a folder, …).</exception>
    public Task<FeishuDownload> DownloadResourceAsync(BotMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Content switch
        {
            ImageContent image => DownloadResourceAsync(message.MessageId, image.ImageKey, BotResourceType.Image, cancellationToken),
            FileContent { IsFolder: false } file => DownloadResourceAsync(message.MessageId, file.FileKey, BotResourceType.File, cancellationToken),
            AudioContent audio => DownloadResourceAsync(message.MessageId, audio.FileKey, BotResourceType.File, cancellationToken),
            MediaContent media => DownloadResourceAsync(message.MessageId, media.FileKey, BotResourceType.File, cancellationToken),
            _ => throw new InvalidOperationException($"A {message.MessageType} message holds no resource to download; for a post's images call DownloadResourceAsync with each image key."),
        };
    }
}
