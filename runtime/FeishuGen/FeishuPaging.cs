namespace FeishuGen;

/// <summary>Guards generated page enumerators.</summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public static class FeishuPaging
{
    /// <summary>Throws when the reply hands back the page token the request sent: the loop would never end.</summary>
    /// <param name="sent">The page token of the request.</param>
    /// <param name="received">The page token of the reply.</param>
    /// <param name="path">The endpoint, for the message.</param>
    public static void EnsureProgress(string? sent, string? received, string path)
    {
        if (sent is not null && sent == received)
        {
            throw new FeishuResponseFormatException($"{path} answered has_more with the page token it was sent; stopping instead of asking for the same page forever.");
        }
    }
}
